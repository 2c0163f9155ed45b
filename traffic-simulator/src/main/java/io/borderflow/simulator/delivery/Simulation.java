package io.borderflow.simulator.delivery;

import io.borderflow.simulator.traffic.CongestionEpisode;
import io.borderflow.simulator.traffic.Journey;
import io.borderflow.simulator.traffic.TrafficGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs the traffic against shipment-ingest: every tick it generates what simulated time has reached, registers
 * the shipments that are due, then posts the due checkpoints in per-carrier batches. A checkpoint is only sent
 * once its shipment is registered; requests the API asks to retry (503, 429, connection trouble) are retried
 * with backoff, and checkpoints that would have grown older than the API accepts are given up.
 */
public final class Simulation {

    /** Shipments are generated this far ahead, so that registration can precede the truck's arrival. */
    static final Duration LOOKAHEAD = Duration.ofHours(2);
    /** The API refuses checkpoints older than seven days. */
    static final Duration MAX_EVENT_AGE = Duration.ofDays(7).minusMinutes(10);
    static final Duration TICK = Duration.ofMillis(250);

    public record Settings(int batchSize, int concurrency, Duration progressEvery, Duration runFor) {
    }

    private final SimulationClock clock;
    private final TrafficGenerator generator;
    private final DeliveryPlanner planner;
    private final IngestClient client;
    private final CarrierTokens tokens;
    private final RateLimiter rateLimiter;
    private final Settings settings;
    private final Progress progress;
    private final PrintStream out;
    private final Consumer<UUID> acknowledged;
    private final DeliveryQueue queue = new DeliveryQueue();
    private final Set<String> registered = new HashSet<>();
    private final Set<String> refused = new HashSet<>();
    private final Semaphore inFlight;
    private int announcedEpisodes;
    private volatile boolean stopping;
    private Duration backoff = Duration.ZERO;

    public Simulation(SimulationClock clock, TrafficGenerator generator, DeliveryPlanner planner, IngestClient client,
            CarrierTokens tokens, RateLimiter rateLimiter, Settings settings, PrintStream out) {
        this(clock, generator, planner, client, tokens, rateLimiter, settings, out, eventId -> { });
    }

    /** @param acknowledged told the id of every checkpoint ingest acknowledged (accepted, or a duplicate of one) */
    public Simulation(SimulationClock clock, TrafficGenerator generator, DeliveryPlanner planner, IngestClient client,
            CarrierTokens tokens, RateLimiter rateLimiter, Settings settings, PrintStream out,
            Consumer<UUID> acknowledged) {
        this.clock = clock;
        this.generator = generator;
        this.planner = planner;
        this.client = client;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.out = out;
        this.acknowledged = acknowledged;
        this.progress = new Progress(out, clock.wallNow());
        this.inFlight = new Semaphore(settings.concurrency());
    }

    public Progress progress() {
        return progress;
    }

    public void stop() {
        stopping = true;
    }

    /** Runs until {@link #stop()} or the configured run time is over. */
    public void run() throws InterruptedException {
        Instant startedAt = clock.wallNow();
        Instant nextProgress = startedAt.plus(settings.progressEvery());
        while (!stopping && (settings.runFor() == null
                || clock.wallNow().isBefore(startedAt.plus(settings.runFor())))) {
            boolean healthy = tick();
            backoff = healthy ? Duration.ZERO
                    : backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), Duration.ofSeconds(15));
            if (!backoff.isZero()) {
                out.println("ingest asked to retry; backing off " + backoff.toSeconds() + "s");
            }
            if (!clock.wallNow().isBefore(nextProgress)) {
                progress.print(clock.wallNow(), clock, queue.size());
                nextProgress = clock.wallNow().plus(settings.progressEvery());
            }
            Thread.sleep(Math.max(TICK.toMillis(), backoff.toMillis()));
        }
        progress.printSummary(clock.wallNow());
    }

    /** One round of generation and delivery; false when the API asked for a retry. */
    boolean tick() throws InterruptedException {
        Instant now = clock.now();
        for (Journey journey : generator.advanceTo(now.plus(LOOKAHEAD))) {
            queue.addAll(planner.plan(journey));
        }
        announceEpisodes(now);
        List<Delivery> due = queue.pollDue(now);
        List<Delivery> registrations = due.stream().filter(Delivery::isRegistration).toList();
        boolean healthy = register(registrations, now);
        List<Delivery> checkpoints = new ArrayList<>();
        List<Delivery> uploads = new ArrayList<>();
        for (Delivery delivery : due) {
            if (delivery.isRegistration()) {
                continue;
            }
            String shipmentId = delivery.shipment().shipmentId();
            if (registered.contains(shipmentId)) {
                (delivery.isPositions() ? uploads : checkpoints).add(delivery);
            } else if (refused.contains(shipmentId)) {
                progress.skipped.incrementAndGet();
            } else {
                queue.add(delivery); // its registration is being retried
            }
        }
        boolean uploaded = upload(uploads, now);
        return post(checkpoints, now) && uploaded && healthy;
    }

    /** One request per upload of a truck's positions (they name their shipment in the path). */
    private boolean upload(List<Delivery> uploads, Instant now) throws InterruptedException {
        Instant oldestAccepted = clock.wallNow().minus(MAX_EVENT_AGE);
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (Delivery delivery : uploads) {
            if (delivery.positions().get(0).at().isBefore(oldestAccepted)) {
                progress.skipped.incrementAndGet();
                continue;
            }
            rateLimiter.acquire(delivery.positions().size());
            inFlight.acquire();
            results.add(client.postPositions(tokens.tokenFor(delivery.shipment().carrierId()),
                    delivery.shipment().shipmentId(), delivery.positions()).thenApply(result -> {
                        inFlight.release();
                        return recordUpload(delivery, result, now);
                    }));
        }
        return results.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }

    private synchronized boolean recordUpload(Delivery delivery, IngestClient.BatchResult result, Instant now) {
        if (result.items().stream().anyMatch(item -> item.status() == IngestClient.Status.RETRY)) {
            // positions are idempotent on (shipment, time): the whole upload again is harmless
            progress.retried.incrementAndGet();
            queue.add(delivery.dueAt(now, delivery.order()));
            out.println("positions not delivered, will retry: " + result.failure());
            return false;
        }
        for (IngestClient.Result item : result.items()) {
            progress.positionsSent.incrementAndGet();
            switch (item.status()) {
                case ACCEPTED -> progress.positionsAccepted.incrementAndGet();
                case DUPLICATE -> progress.positionsDuplicate.incrementAndGet();
                default -> {
                    progress.positionsRejected.incrementAndGet();
                    progress.rejected("position " + item.problem());
                }
            }
        }
        return true;
    }

    private boolean register(List<Delivery> registrations, Instant now) throws InterruptedException {
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (Delivery delivery : registrations) {
            rateLimiter.acquire(1);
            inFlight.acquire();
            Journey.Shipment shipment = delivery.shipment();
            results.add(client.register(tokens.tokenFor(shipment.carrierId()), shipment).thenApply(result -> {
                inFlight.release();
                synchronized (this) {
                    switch (result.status()) {
                        case ACCEPTED, DUPLICATE -> {
                            registered.add(shipment.shipmentId());
                            progress.shipmentsRegistered.incrementAndGet();
                        }
                        case REJECTED -> {
                            refused.add(shipment.shipmentId());
                            progress.shipmentsRejected.incrementAndGet();
                            progress.rejected("shipment " + result.problem());
                        }
                        case RETRY -> {
                            progress.retried.incrementAndGet();
                            queue.add(delivery.dueAt(now, delivery.order()));
                            return false;
                        }
                    }
                }
                return true;
            }));
        }
        return results.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }

    private boolean post(List<Delivery> checkpoints, Instant now) throws InterruptedException {
        Map<String, List<Delivery>> byCarrier = new LinkedHashMap<>();
        Instant oldestAccepted = clock.wallNow().minus(MAX_EVENT_AGE);
        for (Delivery delivery : checkpoints) {
            if (delivery.checkpoint().occurredAt().isBefore(oldestAccepted)) {
                progress.skipped.incrementAndGet();
                continue;
            }
            byCarrier.computeIfAbsent(delivery.shipment().carrierId(), k -> new ArrayList<>()).add(delivery);
        }
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (Map.Entry<String, List<Delivery>> carrier : byCarrier.entrySet()) {
            List<Delivery> all = carrier.getValue();
            for (int from = 0; from < all.size(); from += settings.batchSize()) {
                List<Delivery> batch = all.subList(from, Math.min(all.size(), from + settings.batchSize()));
                rateLimiter.acquire(batch.size());
                inFlight.acquire();
                results.add(client.postBatch(tokens.tokenFor(carrier.getKey()),
                        batch.stream().map(d -> d.shipment().shipmentId()).toList(),
                        batch.stream().map(Delivery::checkpoint).toList()).thenApply(result -> {
                            inFlight.release();
                            return record(batch, result, now);
                        }));
            }
        }
        return results.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }

    private synchronized boolean record(List<Delivery> batch, IngestClient.BatchResult result, Instant now) {
        boolean healthy = true;
        for (int i = 0; i < batch.size(); i++) {
            IngestClient.Result item = result.items().get(i);
            switch (item.status()) {
                case ACCEPTED -> {
                    progress.checkpointsSent.incrementAndGet();
                    progress.accepted(batch.get(i).shipment().crossingId());
                    acknowledged.accept(batch.get(i).checkpoint().eventId());
                }
                case DUPLICATE -> {
                    progress.checkpointsSent.incrementAndGet();
                    progress.duplicates.incrementAndGet();
                    acknowledged.accept(batch.get(i).checkpoint().eventId());
                }
                case REJECTED -> {
                    progress.checkpointsSent.incrementAndGet();
                    progress.rejected.incrementAndGet();
                    progress.rejected("checkpoint " + item.problem());
                }
                case RETRY -> {
                    healthy = false;
                    progress.retried.incrementAndGet();
                    queue.add(batch.get(i).dueAt(now, batch.get(i).order()));
                }
            }
        }
        if (!healthy && result.failure() != null) {
            out.println("batch not delivered, will retry: " + result.failure());
        }
        return healthy;
    }

    private void announceEpisodes(Instant now) {
        List<CongestionEpisode> episodes = generator.episodes().plannedUntil(now.plus(LOOKAHEAD));
        for (; announcedEpisodes < episodes.size(); announcedEpisodes++) {
            out.println("congestion episode planned: " + episodes.get(announcedEpisodes));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
