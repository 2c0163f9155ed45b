package io.borderflow.ingest.domain.waittimes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lane's {@code update_time} ("At 6:00 pm CDT", "At Noon CDT", "At Midnight PST") on the port's record date,
 * as an instant. The abbreviation the officer's system wrote fixes the offset, so DST edges resolve exactly as
 * written (the repeated 1:30 am in November is CDT once and CST once; El Paso is MDT/MST, Arizona MST all
 * year); without one, the crossing's own zone decides. The record's date is the feed's date, which runs ahead of
 * a port's late-evening reading after midnight: a time later than the feed itself is from the day before.
 */
public final class ReportedUpdateTime {

    /** A reading may be stamped a little after the feed's own clock (the two clocks are not the same). */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private static final Pattern TIME = Pattern.compile(
            "\\s*(?:at\\s+)?(?:(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?\\s*m\\.?|(noon)|(midnight))\\s*([a-z]{3,4})?\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.of(
            "EST", ZoneOffset.ofHours(-5), "EDT", ZoneOffset.ofHours(-4),
            "CST", ZoneOffset.ofHours(-6), "CDT", ZoneOffset.ofHours(-5),
            "MST", ZoneOffset.ofHours(-7), "MDT", ZoneOffset.ofHours(-6),
            "PST", ZoneOffset.ofHours(-8), "PDT", ZoneOffset.ofHours(-7));

    /**
     * @param text      the lane's {@code update_time}
     * @param date      the port record's date
     * @param zone      the crossing's zone, used when the text names no known abbreviation
     * @param feedTime  when the feed says it was generated: the reading is not later than that (plus skew)
     * @return the instant, or null when the text holds no time
     */
    public static Instant parse(String text, LocalDate date, ZoneId zone, Instant feedTime) {
        if (text == null || text.isBlank() || date == null) {
            return null;
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        LocalTime time;
        if (m.group(4) != null) {
            time = LocalTime.NOON;
        } else if (m.group(5) != null) {
            time = LocalTime.MIDNIGHT;
        } else {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour < 1 || hour > 12 || minute > 59) {
                return null;
            }
            boolean pm = m.group(3).equalsIgnoreCase("p");
            time = LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
        }
        ZoneOffset offset = m.group(6) == null ? null : ABBREVIATIONS.get(m.group(6).toUpperCase(Locale.ROOT));
        Instant at = at(date, time, zone, offset);
        if (feedTime != null && at.isAfter(feedTime.plus(CLOCK_SKEW))) {
            return at(date.minusDays(1), time, zone, offset);
        }
        return at;
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone, ZoneOffset offset) {
        LocalDateTime local = LocalDateTime.of(date, time);
        return offset != null ? local.toInstant(offset) : ZonedDateTime.of(local, zone).toInstant();
    }

    private ReportedUpdateTime() {
    }
}
