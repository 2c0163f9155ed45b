package io.borderflow.simulator.traffic;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the journeys of a run minute by minute of simulated time: Poisson arrivals at every crossing at
 * the rate of its {@link TrafficProfile}, each truck's wait following how busy the hour is, the day, and any
 * congestion episode. Generation steps through whole minutes from the start, so the journeys do not depend on
 * how often or how far {@link #advanceTo} is called: a seed gives one run.
 *
 * <p>Queues are FIFO, so trucks joining at the same time wait about as long (a small per-truck spread); the
 * wide spread FHWA reports (p95 about twice the mean) comes from the hour, the day, secondary inspections and
 * the episodes.
 */
public final class TrafficGenerator {

    /**
     * Per-truck spread of the wait around the typical wait of the minute it joins (log-normal sigma). Small,
     * because a queue is first in, first out: a wide spread would leave early trucks behind later ones and
     * inflate the oldest queued truck, which the live wait follows.
     */
    static final double TRUCK_WAIT_SIGMA = 0.05;
    /** Day-to-day spread of a crossing's waits (log-normal sigma). */
    static final double DAY_SIGMA = 0.3;
    static final double EXPORT_CLEARED_REPORTED = 0.6;
    static final double SECONDARY_NORTHBOUND = 0.04;
    static final double SECONDARY_FAST = 0.02;
    /** Mexican customs' random "red light" sends some southbound trucks to inspection. */
    static final double SECONDARY_SOUTHBOUND = 0.08;
    static final double SECONDARY_MEAN_MINUTES = 45;
    /** A stalled truck mostly stops after primary inspection (breakdown in the inspection lot); some leave the queue. */
    static final double STALLED_IN_QUEUE = 0.1;

    private final List<Crossing> crossings;
    private final TrafficProfile profile;
    private final CrossingTimes times = new CrossingTimes();
    private final TrafficSettings settings;
    private final EpisodeSchedule episodes;
    private final Random random;
    private final double[] carrierWeights;
    private final Map<String, Double> dayFactors = new HashMap<>();
    private Instant cursor;
    private long sequence;

    public TrafficGenerator(CrossingCatalog catalog, TrafficProfile profile, TrafficSettings settings, Instant start) {
        this.crossings = List.copyOf(catalog.all());
        this.profile = profile;
        this.settings = settings;
        this.cursor = start.truncatedTo(ChronoUnit.MINUTES);
        this.episodes = new EpisodeSchedule(catalog, profile, times, settings, this.cursor);
        this.random = new Random(settings.seed());
        this.carrierWeights = new double[settings.carriers().size()];
        for (int i = 0; i < carrierWeights.length; i++) {
            carrierWeights[i] = 1.0 / (i + 1);
        }
    }

    public EpisodeSchedule episodes() {
        return episodes;
    }

    public CrossingTimes times() {
        return times;
    }

    /** Journeys whose truck joins a queue before {@code until} and after the previous call, in queue-entry order. */
    public List<Journey> advanceTo(Instant until) {
        List<Journey> journeys = new ArrayList<>();
        while (!cursor.plus(Duration.ofMinutes(1)).isAfter(until)) {
            journeys.addAll(minute(cursor));
            cursor = cursor.plus(Duration.ofMinutes(1));
        }
        return journeys;
    }

    private List<Journey> minute(Instant minute) {
        List<Journey> journeys = new ArrayList<>();
        for (Crossing crossing : crossings) {
            double perMinute = profile.northboundTrucksPerHour(crossing, minute) * settings.volumeScale() / 60;
            for (int i = poisson(perMinute); i > 0; i--) {
                journeys.add(journey(crossing, Direction.NORTHBOUND, minute.plusSeconds(random.nextInt(60))));
            }
            for (int i = poisson(perMinute * settings.southboundShare()); i > 0; i--) {
                journeys.add(journey(crossing, Direction.SOUTHBOUND, minute.plusSeconds(random.nextInt(60))));
            }
        }
        journeys.sort(Comparator.comparing(Journey::queueEnteredAt));
        return journeys;
    }

    private Journey journey(Crossing crossing, Direction direction, Instant queueEntered) {
        long number = ++sequence;
        String shipmentId = settings.runId() + "-" + String.format("%07d", number);
        LaneType lane = direction == Direction.NORTHBOUND && times.hasFastLanes(crossing)
                && random.nextDouble() < settings.fastShare() ? LaneType.FAST : LaneType.STANDARD;
        String carrier = pickCarrier();

        Instant primary = queueEntered.plus(minutes(waitMinutes(crossing, direction, lane, queueEntered)));
        if (direction == Direction.NORTHBOUND) {
            primary = episodes.primaryInspectionAfterClosures(crossing.id(), primary);
        }
        List<Journey.Checkpoint> checkpoints = route(shipmentId, crossing, direction, lane, queueEntered, primary);
        boolean stalled = random.nextDouble() < settings.imperfections().stalledRate();
        if (stalled) {
            checkpoints = stall(checkpoints);
        }

        Instant registerAt = queueEntered.minus(minutes(10 + 110 * random.nextDouble()));
        Instant plannedArrival = queueEntered.plus(minutes(15 * random.nextGaussian()))
                .truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> references = new LinkedHashMap<>();
        references.put("billOfLading", "BOL-" + shipmentId);
        references.put("trailer", "TRL-" + (10000 + (number * 7919) % 90000));
        Journey.Shipment shipment = new Journey.Shipment(shipmentId, carrier, crossing.id(), direction, lane,
                plannedArrival, references);
        return new Journey(shipment, registerAt.truncatedTo(ChronoUnit.SECONDS), checkpoints, stalled);
    }

    /** The queue wait of a truck joining now: how busy the hour is, the day, any slowdown, a little chance. */
    private double waitMinutes(Crossing crossing, Direction direction, LaneType lane, Instant queueEntered) {
        // queueing is non-linear: waits grow faster than the load
        double busy = Math.min(2.5, Math.max(0.3, Math.pow(profile.load(crossing, queueEntered), 1.5)));
        double episode = direction == Direction.NORTHBOUND ? episodes.waitFactor(crossing.id(), queueEntered) : 1.0;
        double wait = times.typicalWaitMinutes(crossing, direction, lane) * busy * dayFactor(crossing, queueEntered)
                * episode * Math.exp(TRUCK_WAIT_SIGMA * random.nextGaussian());
        return Math.max(1, wait);
    }

    /** The checkpoints of a truck that gets through: queue, export release, primary, maybe secondary, exit. */
    private List<Journey.Checkpoint> route(String shipmentId, Crossing crossing, Direction direction, LaneType lane,
            Instant queueEntered, Instant primary) {
        Placement place = new Placement(crossing.location(), direction);
        boolean northbound = direction == Direction.NORTHBOUND;
        List<Journey.Checkpoint> checkpoints = new ArrayList<>();
        checkpoints.add(checkpoint(shipmentId, CheckpointType.QUEUE_ENTERED, queueEntered,
                CheckpointSource.GPS_GEOFENCE, place.queue()));
        if (random.nextDouble() < EXPORT_CLEARED_REPORTED) {
            long waitSeconds = Duration.between(queueEntered, primary).toSeconds();
            Instant cleared = queueEntered.plusSeconds((long) (waitSeconds * (0.2 + 0.5 * random.nextDouble())));
            checkpoints.add(checkpoint(shipmentId, CheckpointType.EXPORT_CLEARED, cleared, CheckpointSource.EDI, null));
        }
        checkpoints.add(checkpoint(shipmentId, CheckpointType.PRIMARY_INSPECTION, primary,
                northbound ? CheckpointSource.RFID : CheckpointSource.CARRIER_APP, place.primary()));
        Instant lastInspection = primary;
        double secondary = !northbound ? SECONDARY_SOUTHBOUND
                : lane == LaneType.FAST ? SECONDARY_FAST : SECONDARY_NORTHBOUND;
        if (random.nextDouble() < secondary) {
            Instant referred = primary.plus(minutes(2 + 4 * random.nextDouble()));
            Instant released = referred.plus(minutes(logNormal(SECONDARY_MEAN_MINUTES, 0.5)));
            checkpoints.add(checkpoint(shipmentId, CheckpointType.SECONDARY_REFERRED, referred,
                    CheckpointSource.MANUAL, place.primary()));
            checkpoints.add(checkpoint(shipmentId, CheckpointType.SECONDARY_RELEASED, released,
                    CheckpointSource.MANUAL, place.primary()));
            lastInspection = released;
        }
        Instant exited = lastInspection.plus(minutes(logNormal(times.afterPrimaryMinutes(direction), 0.3)));
        checkpoints.add(checkpoint(shipmentId, CheckpointType.PORT_EXITED, exited,
                northbound ? CheckpointSource.RFID : CheckpointSource.GPS_GEOFENCE, place.exit()));
        return checkpoints;
    }

    /** A stalled truck's reports stop after its queue entry or, mostly, after primary inspection. */
    private List<Journey.Checkpoint> stall(List<Journey.Checkpoint> checkpoints) {
        CheckpointType lastReported = random.nextDouble() < STALLED_IN_QUEUE
                ? CheckpointType.QUEUE_ENTERED : CheckpointType.PRIMARY_INSPECTION;
        int last = 0;
        while (checkpoints.get(last).type() != lastReported) {
            last++;
        }
        return List.copyOf(checkpoints.subList(0, last + 1));
    }

    private Journey.Checkpoint checkpoint(String shipmentId, CheckpointType type, Instant at,
            CheckpointSource source, GeoPoint location) {
        // name-based, so a seed gives the same event ids and a re-sent event is recognisably the same
        UUID eventId = UUID.nameUUIDFromBytes((shipmentId + "/" + type).getBytes(StandardCharsets.UTF_8));
        return new Journey.Checkpoint(eventId, type, at.truncatedTo(ChronoUnit.SECONDS), source, location);
    }

    private String pickCarrier() {
        double total = 0;
        for (double w : carrierWeights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < carrierWeights.length; i++) {
            x -= carrierWeights[i];
            if (x < 0) {
                return settings.carriers().get(i);
            }
        }
        return settings.carriers().get(carrierWeights.length - 1);
    }

    /** A crossing's waits vary from one day to the next (staffing, weather, a busy week): one draw per local date. */
    private double dayFactor(Crossing crossing, Instant at) {
        LocalDate date = profile.localTime(crossing, at).toLocalDate();
        return dayFactors.computeIfAbsent(crossing.id() + "/" + date, key -> {
            Random day = new Random(settings.seed() * 31 + key.hashCode());
            return Math.exp(DAY_SIGMA * day.nextGaussian());
        });
    }

    private double logNormal(double mean, double sigma) {
        return mean * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    private int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static Duration minutes(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }

    /** Where the readers stand: the queue on the departure side, primary and exit on the entry side. */
    private record Placement(GeoPoint port, Direction direction) {

        GeoPoint queue() {
            return offset(-0.012);
        }

        GeoPoint primary() {
            return offset(0.004);
        }

        GeoPoint exit() {
            return offset(0.010);
        }

        /** Northbound trucks move north (latitude grows), southbound ones south. */
        private GeoPoint offset(double degreesAlongTravel) {
            double sign = direction == Direction.NORTHBOUND ? 1 : -1;
            double latitude = Math.round((port.latitude() + sign * degreesAlongTravel) * 1e5) / 1e5;
            return new GeoPoint(latitude, port.longitude());
        }
    }
}
