package io.borderflow.simulator.delivery;

import io.borderflow.simulator.traffic.GpsTracks;
import io.borderflow.simulator.traffic.Imperfections;
import io.borderflow.simulator.traffic.Journey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Turns journeys into the requests carriers' systems make, with the imperfections of real integrations:
 * checkpoints that never arrive, arrive late (often after the truck's next one) or arrive twice. Registration
 * comes first, at the latest when the run starts. Carriers that report GPS ({@link GpsReporting}) send their
 * trucks' positions instead of checkpoints, uploaded every {@link #UPLOAD_EVERY}, with the same imperfections per
 * upload (an upload never sent is a gap in the track; a late one arrives after newer pings).
 */
public final class DeliveryPlanner {

    static final Duration MIN_LATE = Duration.ofMinutes(5);
    static final Duration MAX_LATE = Duration.ofMinutes(40);
    static final Duration MAX_REPEAT_AFTER = Duration.ofMinutes(10);
    static final Duration UPLOAD_EVERY = Duration.ofMinutes(2);

    /**
     * Which carriers report GPS positions instead of checkpoints: a share of them, spread evenly over the carrier
     * list (share 0.25 of eight carriers: the 4th and the 8th).
     */
    public record GpsReporting(GpsTracks tracks, Set<String> carriers) {

        public static GpsReporting none() {
            return new GpsReporting(null, Set.of());
        }

        public static GpsReporting share(GpsTracks tracks, List<String> carriers, double share) {
            Set<String> chosen = new LinkedHashSet<>();
            for (int i = 0; i < carriers.size(); i++) {
                if (Math.floor((i + 1) * share) > Math.floor(i * share)) {
                    chosen.add(carriers.get(i));
                }
            }
            return new GpsReporting(tracks, Set.copyOf(chosen));
        }
    }

    private final Imperfections imperfections;
    private final Random random;
    private final Instant runStart;
    private final GpsReporting gps;
    private long order;
    private long planned;
    private long missing;
    private long late;
    private long duplicated;

    public DeliveryPlanner(Imperfections imperfections, long seed, Instant runStart) {
        this(imperfections, seed, runStart, GpsReporting.none());
    }

    public DeliveryPlanner(Imperfections imperfections, long seed, Instant runStart, GpsReporting gps) {
        this.imperfections = imperfections;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.runStart = runStart;
        this.gps = gps;
    }

    public List<Delivery> plan(Journey journey) {
        List<Delivery> deliveries = new ArrayList<>();
        Instant registerAt = journey.registerAt().isBefore(runStart) ? runStart : journey.registerAt();
        deliveries.add(new Delivery(registerAt, order++, journey.shipment(), null));
        if (gps.carriers().contains(journey.shipment().carrierId())) {
            planPositions(journey, deliveries);
            return deliveries;
        }
        for (Journey.Checkpoint checkpoint : journey.checkpoints()) {
            planned++;
            if (random.nextDouble() < imperfections.missingRate()) {
                missing++;
                continue;
            }
            Instant due = checkpoint.occurredAt();
            if (random.nextDouble() < imperfections.outOfOrderRate()) {
                late++;
                due = due.plus(between(MIN_LATE, MAX_LATE));
            }
            deliveries.add(new Delivery(due, order++, journey.shipment(), checkpoint));
            if (random.nextDouble() < imperfections.duplicateRate()) {
                duplicated++;
                deliveries.add(new Delivery(due.plus(between(Duration.ofSeconds(30), MAX_REPEAT_AFTER)), order++,
                        journey.shipment(), checkpoint));
            }
        }
        return deliveries;
    }

    private void planPositions(Journey journey, List<Delivery> deliveries) {
        List<Journey.Position> track = gps.tracks().track(journey, random);
        List<Journey.Position> upload = new ArrayList<>();
        for (Journey.Position position : track) {
            upload.add(position);
            boolean last = position == track.get(track.size() - 1);
            if (last || !position.at().isBefore(upload.get(0).at().plus(UPLOAD_EVERY))) {
                planUpload(journey, List.copyOf(upload), deliveries);
                upload.clear();
            }
        }
    }

    private void planUpload(Journey journey, List<Journey.Position> upload, List<Delivery> deliveries) {
        if (random.nextDouble() < imperfections.missingRate()) {
            return;
        }
        Instant due = upload.get(upload.size() - 1).at();
        if (random.nextDouble() < imperfections.outOfOrderRate()) {
            due = due.plus(between(MIN_LATE, MAX_LATE));
        }
        deliveries.add(new Delivery(due, order++, journey.shipment(), null, upload));
        if (random.nextDouble() < imperfections.duplicateRate()) {
            deliveries.add(new Delivery(due.plus(between(Duration.ofSeconds(30), MAX_REPEAT_AFTER)), order++,
                    journey.shipment(), null, upload));
        }
    }

    /** Checkpoints the journeys had, before imperfections. */
    public long planned() {
        return planned;
    }

    public long missing() {
        return missing;
    }

    public long late() {
        return late;
    }

    public long duplicated() {
        return duplicated;
    }

    private Duration between(Duration min, Duration max) {
        long span = max.minus(min).toSeconds();
        return min.plusSeconds((long) (random.nextDouble() * span));
    }
}
