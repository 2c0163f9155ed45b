package io.borderflow.alerts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An Alertmanager-style silence: while active, alerts whose labels match every matcher still change
 * state but are not notified.
 */
public record Silence(UUID id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment) {

    /**
     * One label matcher, as in Alertmanager's API: {@code name} equals (or, with {@code isRegex}, fully
     * matches) {@code value}; {@code isEqual = false} negates it.
     */
    public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {

        public boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(name, "");
            boolean hit = isRegex ? Pattern.compile(value).matcher(actual).matches() : value.equals(actual);
            return hit == isEqual;
        }
    }

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean silences(Map<String, String> labels, Instant now) {
        return isActiveAt(now) && matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** Whether any of the silences mutes an alert with these labels now. */
    public static boolean anySilences(List<Silence> silences, Map<String, String> labels, Instant now) {
        return silences.stream().anyMatch(s -> s.silences(labels, now));
    }
}
