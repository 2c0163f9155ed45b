package io.borderflow.simulator.traffic;

import io.borderflow.events.catalog.CommercialHours;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How many trucks arrive at a crossing per hour at a given instant: the crossing's annual northbound volume,
 * shaped by month (BTS seasonality), day of week and hour of day, always in the crossing's own time zone and
 * only within its commercial hours. The shares are normalised so that a year of arrivals adds up to the
 * catalog's annual volume whatever the crossing's hours.
 *
 * <p>A profile can be {@linkplain #shiftedBy shifted}: it then answers for an instant as the unshifted one
 * answers for that instant plus the shift, so traffic stamped now can have the shape of another hour or day
 * (tests that must not depend on when they run).
 */
public final class TrafficProfile {

    private static final double DAYS_PER_YEAR = 365.2425;

    private final Map<Integer, Double> seasonByMonth;
    private final Map<String, CommercialHours> hoursByCrossing;
    private final Map<String, double[][]> hourlyShareByCrossing = new HashMap<>();
    private final Map<String, double[]> dayFactorByCrossing = new HashMap<>();
    private final Map<String, Double> openHoursPerWeek = new HashMap<>();
    private final Duration shift;

    private TrafficProfile(TrafficProfile shape, Duration shift) {
        this.seasonByMonth = shape.seasonByMonth;
        this.hoursByCrossing = shape.hoursByCrossing;
        this.hourlyShareByCrossing.putAll(shape.hourlyShareByCrossing);
        this.dayFactorByCrossing.putAll(shape.dayFactorByCrossing);
        this.openHoursPerWeek.putAll(shape.openHoursPerWeek);
        this.shift = shift;
    }

    private TrafficProfile(CrossingCatalog catalog, Map<Integer, Double> seasonByMonth,
            Map<DayOfWeek, Double> dayWeights, double[] hourWeights, Map<String, CommercialHours> hoursByCrossing) {
        this.seasonByMonth = seasonByMonth;
        this.hoursByCrossing = hoursByCrossing;
        this.shift = Duration.ZERO;
        for (Crossing crossing : catalog.all()) {
            CommercialHours hours = hours(crossing.id());
            double[][] hourShare = new double[7][24];
            double[] dayFactor = new double[7];
            double weekWeight = 0;
            int openHours = 0;
            for (DayOfWeek day : DayOfWeek.values()) {
                int d = day.ordinal();
                double dayTotal = 0;
                for (int h = 0; h < 24; h++) {
                    if (hours.isOpen(day, h)) {
                        hourShare[d][h] = hourWeights[h];
                        dayTotal += hourWeights[h];
                        openHours++;
                    }
                }
                for (int h = 0; h < 24 && dayTotal > 0; h++) {
                    hourShare[d][h] /= dayTotal;
                }
                if (dayTotal > 0) {
                    dayFactor[d] = dayWeights.get(day);
                    weekWeight += dayFactor[d];
                }
            }
            for (int d = 0; d < 7; d++) {
                // a week of day factors adds up to 7, so the average day carries annual volume / 365
                dayFactor[d] = weekWeight == 0 ? 0 : dayFactor[d] * 7 / weekWeight;
            }
            hourlyShareByCrossing.put(crossing.id(), hourShare);
            dayFactorByCrossing.put(crossing.id(), dayFactor);
            openHoursPerWeek.put(crossing.id(), (double) openHours);
        }
    }

    /** The profile from the module's resources; {@code alwaysOpen} ignores commercial hours (demos at night). */
    public static TrafficProfile load(CrossingCatalog catalog, boolean alwaysOpen) {
        Map<Integer, Double> season = new HashMap<>();
        for (Map<String, String> row : ResourceTable.read("/traffic/bts-monthly-seasonality.csv")) {
            season.put(Integer.parseInt(row.get("month")), Double.parseDouble(row.get("factor")));
        }
        Map<DayOfWeek, Double> dayWeights = new EnumMap<>(DayOfWeek.class);
        for (Map<String, String> row : ResourceTable.read("/traffic/day-of-week-weights.csv")) {
            dayWeights.put(DayOfWeek.valueOf(row.get("day")), Double.parseDouble(row.get("weight")));
        }
        double[] hourWeights = new double[24];
        for (Map<String, String> row : ResourceTable.read("/traffic/hour-of-day-weights.csv")) {
            hourWeights[Integer.parseInt(row.get("hour"))] = Double.parseDouble(row.get("weight"));
        }
        // the catalog's cargo hours, the ones the analyzer's advice uses too
        Map<String, CommercialHours> hours = new HashMap<>();
        if (!alwaysOpen) {
            catalog.all().forEach(crossing -> hours.put(crossing.id(), crossing.commercialHours()));
        }
        if (season.size() != 12 || dayWeights.size() != 7) {
            throw new IllegalStateException("the traffic profile needs 12 month factors and 7 day weights");
        }
        return new TrafficProfile(catalog, season, dayWeights, hourWeights, hours);
    }

    /** This profile answering for every instant as for that instant plus {@code shift} (added to any earlier shift). */
    public TrafficProfile shiftedBy(Duration shift) {
        return new TrafficProfile(this, this.shift.plus(shift));
    }

    /** The local date and time at the crossing whose shape traffic at {@code at} takes. */
    public ZonedDateTime localTime(Crossing crossing, Instant at) {
        return at.plus(shift).atZone(crossing.zone());
    }

    public CommercialHours hours(String crossingId) {
        return hoursByCrossing.getOrDefault(crossingId, CommercialHours.ALWAYS_OPEN);
    }

    public boolean isOpen(Crossing crossing, Instant at) {
        ZonedDateTime local = localTime(crossing, at);
        return hours(crossing.id()).isOpen(local.getDayOfWeek(), local.getHour());
    }

    /** Expected northbound arrivals per hour at {@code at}; 0 while the crossing is closed. */
    public double northboundTrucksPerHour(Crossing crossing, Instant at) {
        ZonedDateTime local = localTime(crossing, at);
        int day = local.getDayOfWeek().ordinal();
        double perDay = crossing.northboundTrucksPerYear() / DAYS_PER_YEAR * seasonByMonth.get(local.getMonthValue());
        return perDay * dayFactorByCrossing.get(crossing.id())[day]
                * hourlyShareByCrossing.get(crossing.id())[day][local.getHour()];
    }

    /**
     * How busy this hour is against the crossing's average open hour (1 = average); queues grow with it.
     * 0 while closed.
     */
    public double load(Crossing crossing, Instant at) {
        ZonedDateTime local = localTime(crossing, at);
        int day = local.getDayOfWeek().ordinal();
        double weekShare = dayFactorByCrossing.get(crossing.id())[day] / 7
                * hourlyShareByCrossing.get(crossing.id())[day][local.getHour()];
        return weekShare * openHoursPerWeek.get(crossing.id());
    }
}
