package io.borderflow.events.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The daily hours a crossing's commercial lanes are open, in its own local time: {@code 24h}, or
 * {@code HH:MM-HH:MM} with {@code 24:00} for midnight at the end of the day (CBP's "6 am-Midnight").
 * Local hours stay local across a DST change: a crossing that opens at 07:00 opens at 07:00 in summer too.
 *
 * @param opens  local opening time; null when open 24 hours
 * @param length how long it stays open each day; a full day when open 24 hours
 */
public record CommercialHours(LocalTime opens, Duration length) {

    public static final CommercialHours ALWAYS_OPEN = new CommercialHours(null, Duration.ofDays(1));

    public CommercialHours {
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("commercial hours must last between 1 minute and a day: " + length);
        }
    }

    /** Parses {@code 24h} or {@code HH:MM-HH:MM} (closing may be {@code 24:00}). */
    public static CommercialHours parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("24h")) {
            return ALWAYS_OPEN;
        }
        String[] parts = trimmed.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("commercial hours must be 24h or HH:MM-HH:MM: " + text);
        }
        LocalTime opens = LocalTime.parse(parts[0]);
        Duration closes = parts[1].equals("24:00") ? Duration.ofDays(1)
                : Duration.ofSeconds(LocalTime.parse(parts[1]).toSecondOfDay());
        return new CommercialHours(opens, closes.minusSeconds(opens.toSecondOfDay()));
    }

    public boolean alwaysOpen() {
        return opens == null;
    }

    /** Whether the lanes are open at {@code at}; the closing minute itself is closed. */
    public boolean isOpenAt(Instant at, ZoneId zone) {
        if (alwaysOpen()) {
            return true;
        }
        LocalDate today = at.atZone(zone).toLocalDate();
        // yesterday's opening still counts when the hours run past midnight
        return openDuring(today, at, zone) || openDuring(today.minusDays(1), at, zone);
    }

    /** {@code at} itself when open then, else the next opening after it. */
    public Instant nextOpeningAt(Instant at, ZoneId zone) {
        if (isOpenAt(at, zone)) {
            return at;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        while (true) {
            Instant opening = openingOn(day, zone);
            if (opening.isAfter(at)) {
                return opening;
            }
            day = day.plusDays(1);
        }
    }

    private boolean openDuring(LocalDate day, Instant at, ZoneId zone) {
        Instant opening = openingOn(day, zone);
        return !at.isBefore(opening) && at.isBefore(closingOn(day, zone));
    }

    private Instant openingOn(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    /** The wall-clock closing time, so a day with a DST change keeps its local closing hour. */
    private Instant closingOn(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toLocalDateTime().plusSeconds(opens.toSecondOfDay()).plus(length)
                .atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        if (alwaysOpen()) {
            return "24h";
        }
        long closes = opens.toSecondOfDay() + length.toSeconds();
        return opens + "-" + (closes == 86_400 ? "24:00" : LocalTime.ofSecondOfDay(closes % 86_400).toString());
    }
}
