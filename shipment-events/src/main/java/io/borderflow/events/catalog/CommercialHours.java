package io.borderflow.events.catalog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a crossing's commercial (cargo) lanes are open, in its own local time: per day of the week one range of
 * whole hours, open (inclusive) to close (exclusive, 24 = midnight), or none on a day it stays closed. Local hours
 * stay local across a DST change: a bridge that opens at 07:00 opens at 07:00 in summer too.
 */
public record CommercialHours(Map<DayOfWeek, Range> openByDay) {

    /** Open from {@code open} to {@code close}, whole local hours, {@code 0 ≤ open < close ≤ 24}. */
    public record Range(int open, int close) {

        public Range {
            if (open < 0 || close > 24 || open >= close) {
                throw new IllegalArgumentException("invalid hours " + open + "-" + close);
            }
        }

        @Override
        public String toString() {
            return open + "-" + close;
        }
    }

    /** Open every hour of every day: for tests and night demos (the simulator's and the analyzer's always-open). */
    public static final CommercialHours ALWAYS_OPEN = new CommercialHours(Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(day -> day, day -> new Range(0, 24))));

    public CommercialHours {
        openByDay = Map.copyOf(openByDay);
        if (openByDay.isEmpty()) {
            throw new IllegalArgumentException("a crossing open on no day of the week");
        }
    }

    /** The catalog's columns: weekdays, Saturday, Sunday, each {@code 7-24} or {@code closed}. */
    public static CommercialHours parse(String weekdays, String saturday, String sunday) {
        Map<DayOfWeek, Range> open = new EnumMap<>(DayOfWeek.class);
        Range weekday = range(weekdays);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && weekday != null) {
                open.put(day, weekday);
            }
        }
        Range sat = range(saturday);
        if (sat != null) {
            open.put(DayOfWeek.SATURDAY, sat);
        }
        Range sun = range(sunday);
        if (sun != null) {
            open.put(DayOfWeek.SUNDAY, sun);
        }
        return new CommercialHours(open);
    }

    private static Range range(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("closed")) {
            return null;
        }
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("hours must look like 7-24 or closed: " + text);
        }
        return new Range(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    /** Whether the lanes are open during that local hour of that day of the week. */
    public boolean isOpen(DayOfWeek day, int hour) {
        Range range = openByDay.get(day);
        return range != null && hour >= range.open() && hour < range.close();
    }

    /** Whether the lanes are open at {@code at}; the closing hour itself is closed. */
    public boolean isOpenAt(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        Range range = openByDay.get(local.getDayOfWeek());
        return range != null && !at.isBefore(opening(local.toLocalDate(), range, zone))
                && at.isBefore(closing(local.toLocalDate(), range, zone));
    }

    /** {@code at} itself when open then, else the next opening after it (within a week). */
    public Instant nextOpeningAt(Instant at, ZoneId zone) {
        if (isOpenAt(at, zone)) {
            return at;
        }
        LocalDate day = LocalDateTime.ofInstant(at, zone).toLocalDate();
        for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
            Range range = openByDay.get(day.getDayOfWeek());
            if (range != null && opening(day, range, zone).isAfter(at)) {
                return opening(day, range, zone);
            }
        }
        throw new IllegalStateException("no opening within a week of " + at);
    }

    private static Instant opening(LocalDate day, Range range, ZoneId zone) {
        return day.atTime(LocalTime.of(range.open(), 0)).atZone(zone).toInstant();
    }

    private static Instant closing(LocalDate day, Range range, ZoneId zone) {
        return day.atStartOfDay().plusHours(range.close()).atZone(zone).toInstant();
    }

    /** As the catalog writes it: {@code weekdays 7-24, saturday 7-16, sunday closed}. */
    @Override
    public String toString() {
        Range weekday = openByDay.get(DayOfWeek.MONDAY);
        return "weekdays " + text(weekday) + ", saturday " + text(openByDay.get(DayOfWeek.SATURDAY)) + ", sunday "
                + text(openByDay.get(DayOfWeek.SUNDAY));
    }

    private static String text(Range range) {
        return range == null ? "closed" : range.toString();
    }
}
