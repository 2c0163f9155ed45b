package io.borderflow.simulator.traffic;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a crossing's cargo facility is open, in its own time zone: one open–close range of whole hours per day
 * of week, none on days it stays closed.
 */
public record CommercialHours(Map<DayOfWeek, HourRange> openByDay) {

    /** Open from {@code open} (inclusive) to {@code close} (exclusive), whole local hours; 24 is midnight. */
    public record HourRange(int open, int close) {
        public HourRange {
            if (open < 0 || close > 24 || open >= close) {
                throw new IllegalArgumentException("invalid hours " + open + "-" + close);
            }
        }

        boolean contains(int hour) {
            return hour >= open && hour < close;
        }
    }

    public static final CommercialHours ALWAYS_OPEN = always();

    public CommercialHours {
        openByDay = Map.copyOf(openByDay);
    }

    public boolean isOpen(DayOfWeek day, int hour) {
        HourRange range = openByDay.get(day);
        return range != null && range.contains(hour);
    }

    public boolean opensOn(DayOfWeek day) {
        return openByDay.containsKey(day);
    }

    /** Parses one row of {@code commercial-hours.csv}: weekdays, saturday and sunday as "7-24" or "closed". */
    static CommercialHours parse(String weekdays, String saturday, String sunday) {
        Map<DayOfWeek, HourRange> open = new EnumMap<>(DayOfWeek.class);
        HourRange weekday = range(weekdays);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && weekday != null) {
                open.put(day, weekday);
            }
        }
        HourRange sat = range(saturday);
        if (sat != null) {
            open.put(DayOfWeek.SATURDAY, sat);
        }
        HourRange sun = range(sunday);
        if (sun != null) {
            open.put(DayOfWeek.SUNDAY, sun);
        }
        return new CommercialHours(open);
    }

    private static HourRange range(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("closed")) {
            return null;
        }
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("hours must look like 7-24 or closed: " + text);
        }
        return new HourRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    private static CommercialHours always() {
        Map<DayOfWeek, HourRange> open = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            open.put(day, new HourRange(0, 24));
        }
        return new CommercialHours(open);
    }
}
