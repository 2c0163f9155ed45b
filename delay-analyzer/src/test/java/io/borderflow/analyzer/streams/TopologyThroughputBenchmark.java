package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: a benchmark of the topology's own cost per checkpoint (TopologyTestDriver, RocksDB stores,
 * no broker), over every series of the catalog. Run with
 * {@code java -cp <test classpath> io.borderflow.analyzer.streams.TopologyThroughputBenchmark [journeys]}.
 */
public final class TopologyThroughputBenchmark {

    public static void main(String[] args) {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        List<Checkpoints> series = new ArrayList<>();
        for (Crossing crossing : CrossingCatalog.load().all()) {
            for (Direction direction : Direction.values()) {
                for (LaneType lane : LaneType.values()) {
                    series.add(Checkpoints.at(crossing.id(), direction, lane));
                }
            }
        }
        Random random = new Random(1);
        try (AnalyzerDriver driver = new AnalyzerDriver(start)) {
            // warm-up
            run(driver, series, random, 2_000, "W");
            long began = System.nanoTime();
            int events = run(driver, series, random, journeys, "B");
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("%d checkpoints (%d journeys, %d series) in %.1f s: %.0f checkpoints/s%n",
                    events, journeys, series.size(), seconds, events / seconds);
        }
    }

    /** Trucks arriving every 100 ms of simulated time, each with R1, R2, R3 spread over the next hour. */
    private static int run(AnalyzerDriver driver, List<Checkpoints> series, Random random, int journeys, String prefix) {
        int events = 0;
        for (int i = 0; i < journeys; i++) {
            Checkpoints at = series.get(random.nextInt(series.size()));
            Instant queued = driver.clock.instant();
            CheckpointRecorded[] journey = {at.queued(prefix + i, queued),
                    at.primary(prefix + i, queued.plusSeconds(600 + random.nextInt(3000))),
                    at.exited(prefix + i, queued.plusSeconds(3600 + random.nextInt(1800)))};
            driver.send(journey);
            events += journey.length;
            driver.advance(Duration.ofMillis(100));
        }
        return events;
    }
}
