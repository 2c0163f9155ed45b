package io.borderflow.ingest.domain.waittimes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CBP's {@code delay_minutes} as the feed has written it over the years: {@code 20}, {@code 15 min},
 * {@code 1 hr}, {@code 1 hrs 10 min}. Blank or anything else is unknown (null), never 0.
 */
public final class ReportedDelay {

    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})");
    private static final Pattern HOURS_AND_MINUTES = Pattern.compile(
            "(?:(\\d{1,2})\\s*hrs?)?\\s*(?:(\\d{1,4})\\s*mins?)?", Pattern.CASE_INSENSITIVE);

    /** Minutes, or null when the text says no number. */
    public static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (MINUTES.matcher(trimmed).matches()) {
            return Integer.valueOf(trimmed);
        }
        Matcher m = HOURS_AND_MINUTES.matcher(trimmed);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return null;
        }
        int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return hours * 60 + minutes;
    }

    private ReportedDelay() {
    }
}
