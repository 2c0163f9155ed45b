package io.borderflow.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.token.DevTokens;
import io.borderflow.simulator.delivery.CarrierTokens;
import io.borderflow.simulator.delivery.DeliveryPlanner;
import io.borderflow.simulator.delivery.IngestClient;
import io.borderflow.simulator.delivery.RateLimiter;
import io.borderflow.simulator.delivery.Simulation;
import io.borderflow.simulator.delivery.SimulationClock;
import io.borderflow.simulator.traffic.CongestionEpisode;
import io.borderflow.simulator.traffic.GpsTracks;
import io.borderflow.simulator.traffic.TrafficGenerator;
import io.borderflow.simulator.traffic.TrafficProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point: {@code java -jar traffic-simulator.jar --help}. */
public final class TrafficSimulator {

    public static void main(String[] args) throws Exception {
        Clock wall = Clock.systemUTC();
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, wall.instant());
        } catch (SimulatorOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(SimulatorOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }

        CarrierTokens tokens = options.carrierTokens().isEmpty()
                ? CarrierTokens.signed(DevTokens.fromPem(options.signingKey(), options.issuer(), Duration.ofHours(12)), wall)
                : CarrierTokens.fixed(options.carrierTokens());
        CrossingCatalog catalog = CrossingCatalog.load();
        SimulationClock clock = new SimulationClock(options.history(), options.speed(), wall::instant);
        TrafficProfile profile = TrafficProfile.load(catalog, options.alwaysOpen());
        if (options.asOf() != null) {
            profile = profile.shiftedBy(Duration.between(clock.start(), options.asOf()));
        }
        TrafficGenerator generator = new TrafficGenerator(catalog, profile, options.traffic(), clock.start());
        DeliveryPlanner.GpsReporting gps = DeliveryPlanner.GpsReporting.share(
                new GpsTracks(CrossingGeofences.load()), options.traffic().carriers(), options.gpsShare());
        DeliveryPlanner planner = new DeliveryPlanner(options.traffic().imperfections(), options.traffic().seed(),
                clock.start(), gps);
        // the ids of acknowledged checkpoints, for a drill that checks none of them is lost
        BufferedWriter acknowledged = options.acknowledgedFile() == null ? null
                : Files.newBufferedWriter(options.acknowledgedFile());
        Simulation simulation = new Simulation(clock, generator, planner,
                new IngestClient(options.ingestUrls(), Duration.ofSeconds(30)), tokens,
                Double.isInfinite(options.maxRate()) ? RateLimiter.unlimited() : new RateLimiter(options.maxRate()),
                new Simulation.Settings(options.batchSize(), options.concurrency(), options.progressEvery(),
                        options.runFor()),
                System.out, eventId -> {
                    if (acknowledged != null) {
                        try {
                            acknowledged.write(eventId + "\n");
                            acknowledged.flush(); // a drill counts them while the simulator runs
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });

        System.out.printf("traffic simulator: run %s, seed %d, %s from %s (%s%s), to %s%n",
                options.traffic().runId(), options.traffic().seed(),
                options.speed() > 1 ? String.format("replaying x%.0f", options.speed()) : "real time",
                clock.start().truncatedTo(ChronoUnit.SECONDS), options.alwaysOpen() ? "always open" : "commercial hours",
                options.asOf() == null ? "" : ", shaped as of " + options.asOf(), options.ingestUrls());

        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulation.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-stop"));
        try {
            simulation.run();
            if (options.summaryFile() != null) {
                writeSummary(options, clock, generator, simulation, gps);
            }
        } finally {
            if (acknowledged != null) {
                acknowledged.close();
            }
            finished.countDown();
        }
    }

    private static void writeSummary(SimulatorOptions options, SimulationClock clock, TrafficGenerator generator,
            Simulation simulation, DeliveryPlanner.GpsReporting gps) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = json.createObjectNode();
        Instant simulatedTo = clock.now();
        summary.put("runId", options.traffic().runId());
        summary.put("seed", options.traffic().seed());
        summary.put("simulatedFrom", clock.start().toString());
        summary.put("simulatedTo", simulatedTo.toString());
        if (options.asOf() != null) {
            summary.put("shapedAsOf", options.asOf().toString());
        }
        summary.put("shipmentsRegistered", simulation.progress().shipmentsRegistered());
        summary.put("shipmentsRejected", simulation.progress().shipmentsRejected());
        summary.put("checkpointsSent", simulation.progress().checkpointsSent());
        summary.put("checkpointsAccepted", simulation.progress().accepted());
        summary.put("checkpointsDuplicate", simulation.progress().duplicates());
        summary.put("checkpointsRejected", simulation.progress().rejectedCheckpoints());
        summary.put("positionsSent", simulation.progress().positionsSent());
        summary.put("positionsAccepted", simulation.progress().positionsAccepted());
        // their shipments' checkpoints can only be ingest's, derived from positions: they post none
        ArrayNode gpsCarriers = summary.putArray("gpsCarriers");
        options.traffic().carriers().stream().filter(gps.carriers()::contains).forEach(gpsCarriers::add);
        ObjectNode byCrossing = summary.putObject("checkpointsAcceptedByCrossing");
        simulation.progress().acceptedByCrossing().forEach(byCrossing::put);
        ArrayNode episodes = summary.putArray("episodes");
        for (CongestionEpisode episode : generator.episodes().plannedUntil(simulatedTo)) {
            episodes.addObject().put("kind", episode.kind().name()).put("crossingId", episode.crossingId())
                    .put("start", episode.start().toString()).put("end", episode.end().toString());
        }
        Files.writeString(options.summaryFile(), json.writeValueAsString(summary));
    }

    private TrafficSimulator() {
    }
}
