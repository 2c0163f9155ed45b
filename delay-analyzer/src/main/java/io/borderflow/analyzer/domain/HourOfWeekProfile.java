package io.borderflow.analyzer.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "best time to cross": for each hour of the week in the crossing's own time zone, the median of
 * the 5-minute bins' p50 wait time and p50 crossing time. Hours are local wall-clock hours, so across a
 * DST change 07:00 stays the morning rush (a bin at 13:00Z is 07:00 in a Chicago winter and 08:00 in
 * its summer; Phoenix keeps no DST).
 */
public final class HourOfWeekProfile {

    /** One persisted 5-minute bin; a null measure had no samples in that bin's window. */
    public record Bin(Instant at, Double waitP50Minutes, Double crossingP50Minutes) {
    }

    /**
     * @param samples the number of 5-minute bins that carried a wait or crossing time at this hour
     */
    public record Hour(DayOfWeek dayOfWeek, int hour, Double medianWaitMinutes, Double medianCrossingMinutes,
            int samples) {
    }

    /** Hours with data, Monday 00:00 first. */
    public static List<Hour> of(ZoneId zone, Collection<Bin> bins) {
        Map<Integer, List<Bin>> byHourOfWeek = new TreeMap<>();
        for (Bin bin : bins) {
            if (bin.waitP50Minutes() == null && bin.crossingP50Minutes() == null) {
                continue;
            }
            ZonedDateTime local = bin.at().atZone(zone);
            int hourOfWeek = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
            byHourOfWeek.computeIfAbsent(hourOfWeek, h -> new ArrayList<>()).add(bin);
        }
        List<Hour> hours = new ArrayList<>();
        byHourOfWeek.forEach((hourOfWeek, inHour) -> hours.add(new Hour(
                DayOfWeek.of(hourOfWeek / 24 + 1),
                hourOfWeek % 24,
                median(inHour.stream().map(Bin::waitP50Minutes).toList()),
                median(inHour.stream().map(Bin::crossingP50Minutes).toList()),
                inHour.size())));
        return hours;
    }

    private static Double median(List<Double> values) {
        List<Double> known = values.stream().filter(v -> v != null).toList();
        return known.isEmpty() ? null : Percentiles.summarize(known).p50Minutes();
    }

    private HourOfWeekProfile() {
    }
}
