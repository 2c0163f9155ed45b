package io.borderflow.alerts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.Topics;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.serde.EventJson;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * How many delay updates per second the evaluation sustains with the default rules (each update: read the
 * rules, lock the instances, apply the lifecycle, write instance, history, outbox). Not part of the normal
 * test run (no *Test suffix): {@code ./mvnw -pl alert-service -am test -Dtest=EvaluationThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; prints the numbers.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class EvaluationThroughputBenchmark {

    private static final int ROUNDS = 50;

    @InjectKafka
    KafkaCompanion kafka;

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void evaluatesEveryUpdateAndReportsTheRate() throws Exception {
        List<String> series = new ArrayList<>();
        for (Crossing crossing : CrossingCatalog.load().all()) {
            for (Direction direction : Direction.values()) {
                for (LaneType lane : LaneType.values()) {
                    series.add(crossing.id() + "/" + direction + "/" + lane);
                }
            }
        }
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the 10-minute "for" does not pass meanwhile
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // alternating 200 and 120 min: the warning stays pending, the critical one flips pending ↔ inactive
            double liveWait = round % 2 == 0 ? 200 : 120;
            for (String key : series) {
                String[] parts = key.split("/");
                CrossingDelayUpdated update = Events.liveWait(parts[0], liveWait, start.plusSeconds(round));
                update = new CrossingDelayUpdated(UUID.randomUUID(), update.occurredAt(), 1, parts[0],
                        Direction.valueOf(parts[1]), LaneType.valueOf(parts[2]), 60, update.waitTime(),
                        update.crossingTime(), 4, null, liveWait, 10, null, null, null, false, update.lastCheckpointAt(), null, null);
                records.add(new ProducerRecord<>(Topics.CROSSING_DELAYS, key,
                        EventJson.mapper().writeValueAsString(update)));
            }
        }
        Instant last = start.plusSeconds(ROUNDS - 1);

        long began = System.nanoTime();
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> database.count(
                "select count(*) from alerts.alert_instance where rule_id = 'live-wait-warning' and last_observed_at = '"
                        + last + "'") == series.size());
        double seconds = (System.nanoTime() - began) / 1e9;

        long transitions = database.count("select count(*) from alerts.alert_history");
        assertThat(transitions).as("the critical alert flipped every round").isEqualTo((long) series.size() * (ROUNDS + 1));
        System.out.printf("BENCHMARK evaluation: %d updates (%d series, 5 rules) in %.1f s = %.0f updates/s; "
                        + "%d state changes written with their outbox events%n",
                records.size(), series.size(), seconds, records.size() / seconds, transitions);
    }
}
