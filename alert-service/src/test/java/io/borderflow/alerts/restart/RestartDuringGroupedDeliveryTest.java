package io.borderflow.alerts.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An application starts on the database of one killed during grouped delivery ({@link GroupedDeliveryLeftBehind}):
 * the group whose flush was committed is delivered from the outbox once, with the idempotency key it had (a
 * receiver that got it before the kill can tell), and is not flushed again; the group whose flush died with the
 * process is flushed once. Nothing lost, no group repeated, over several group intervals.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(GroupedDeliveryLeftBehind.class)
class RestartDuringGroupedDeliveryTest {

    @InjectReceivers
    Receivers receivers;

    @Test
    void theClaimedGroupIsDeliveredOnceAndTheDueGroupFlushedOnceAndNeitherRepeats() {
        await().atMost(Duration.ofSeconds(60)).until(() -> received().size() >= 2);
        // three group intervals (2 s) later, still the same two
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(12)).until(() -> received().size() >= 2);
        assertThat(received()).extracting(r -> r.header("Idempotency-Key")).as("idempotency keys received")
                .hasSize(2);

        List<Receivers.Received> flushed = receivers.requests(GroupedDeliveryLeftBehind.PATH,
                "crossing=\\\"" + GroupedDeliveryLeftBehind.FLUSHED);
        assertThat(flushed).singleElement().satisfies(r ->
                assertThat(r.header("Idempotency-Key")).isEqualTo("g" + GroupedDeliveryLeftBehind.FLUSHED_GROUP + "-1-0"));
        List<Receivers.Received> due = receivers.requests(GroupedDeliveryLeftBehind.PATH,
                "crossing=\\\"" + GroupedDeliveryLeftBehind.DUE);
        assertThat(due).singleElement().satisfies(r -> {
            assertThat(r.header("Idempotency-Key")).isEqualTo("g" + GroupedDeliveryLeftBehind.DUE_GROUP + "-1-0");
            JsonPath payload = JsonPath.from(r.body());
            assertThat(payload.getString("groupKey")).isEqualTo("{}:{crossing=\"" + GroupedDeliveryLeftBehind.DUE + "\"}");
            assertThat(payload.getList("alerts.labels.rule")).containsExactly(GroupedDeliveryLeftBehind.RULE);
        });
    }

    private List<Receivers.Received> received() {
        return receivers.requests().stream().filter(r -> r.path().equals(GroupedDeliveryLeftBehind.PATH)).toList();
    }
}
