package io.borderflow.analyzer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.analyzer.StreamsStateResource;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * CBP's readings on border-waits.v1 (as shipment-ingest publishes them) beside measured statistics: the API's
 * {@code reported} and {@code reportedMinusMeasuredMinutes} on every series, series only CBP reports, staleness,
 * and the reported wait in the history. Crossings no other test of this module uses.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class ReportedWaitEndToEndTest {

    private static final String YSLETA = "el-paso-ysleta-zaragoza";
    private static final String PHARR = "pharr-reynosa";
    private static final String OTAY = "otay-mesa";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectKafka
    String bootstrap;

    @Test
    void everySeriesShowsCbpsReportedWaitBesideTheMeasuredOne() {
        Instant now = Instant.now();
        Checkpoints ysleta = Checkpoints.at(YSLETA, Direction.NORTHBOUND, LaneType.STANDARD);
        List<CheckpointRecorded> events = new ArrayList<>();
        events.addAll(CrossingDelaysEndToEndTest.journey(ysleta, "CBP-1", now, 50, 30, 10));
        events.add(ysleta.queued("CBP-Q", now.minus(25, ChronoUnit.MINUTES)));
        KafkaClients.send(bootstrap, events);
        Instant officer = now.truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        publish(reading(YSLETA, LaneType.STANDARD, ReportedStatus.DELAY, 60, 4, officer),
                reading(PHARR, LaneType.FAST, ReportedStatus.DELAY, 35, 1, officer),
                reading(PHARR, LaneType.STANDARD, ReportedStatus.UNKNOWN, null, null, null),
                reading(OTAY, LaneType.STANDARD, ReportedStatus.DELAY, 15, 7, now.minus(4, ChronoUnit.HOURS)));

        // measured and reported on one series, and their difference
        JsonPath ysletaView = await().atMost(WAIT).until(() -> crossing(YSLETA),
                json -> json.get("series.find { it.laneType == 'STANDARD' }.reported") != null
                        && json.get("series.find { it.laneType == 'STANDARD' }.liveWaitMinutes") != null);
        String standard = "series.find { it.laneType == 'STANDARD' }.";
        assertThat(ysletaView.getBoolean(standard + "measured")).isTrue();
        assertThat(ysletaView.getMap(standard + "reported")).containsEntry("waitMinutes", 60)
                .containsEntry("lanesOpen", 4).containsEntry("status", "DELAY").containsEntry("portOpen", true)
                .containsEntry("stale", false)
                .containsEntry("updatedAt", officer.toString());
        double liveWait = ysletaView.getDouble(standard + "liveWaitMinutes");
        assertThat(liveWait).isGreaterThanOrEqualTo(25.0);
        // read as doubles (JsonPath's default is float); the subtraction may differ in the last binary digit
        assertThat(ysletaView.getDouble(standard + "reportedMinusMeasuredMinutes"))
                .isCloseTo(60 - liveWait, within(1e-9));

        // a crossing only CBP reports has data: reported numbers, no measured ones, no difference
        JsonPath pharr = crossing(PHARR);
        assertThat(pharr.getBoolean("hasData")).isTrue();
        assertThat(pharr.getList("series.laneType")).containsExactly("STANDARD", "FAST");
        assertThat(pharr.getBoolean("series[1].measured")).isFalse();
        assertThat(pharr.<Object>get("series[1].liveWaitMinutes")).isNull();
        assertThat(pharr.<Object>get("series[1].queuedNow")).isNull();
        assertThat(pharr.getInt("series[1].reported.waitMinutes")).isEqualTo(35);
        assertThat(pharr.<Object>get("series[1].reportedMinusMeasuredMinutes")).isNull();
        // "Update Pending": unknown, never 0
        assertThat(pharr.getString("series[0].reported.status")).isEqualTo("UNKNOWN");
        assertThat(pharr.<Object>get("series[0].reported.waitMinutes")).isNull();

        // and on crossing-delays.v1, so alert-service's rules on CBP's number see it: no measures, the reading
        CrossingDelayUpdated pharrFast = await().atMost(WAIT).until(() -> latestPublished(PHARR, LaneType.FAST),
                update -> update != null);
        assertThat(pharrFast.measured()).isFalse();
        assertThat(pharrFast.stale()).isFalse();
        assertThat(pharrFast.liveWaitMinutes()).isNull();
        assertThat(pharrFast.reportedWaitMinutes()).isEqualTo(35);

        // four hours old: stale, shown but not compared
        JsonPath otay = crossing(OTAY);
        assertThat(otay.getBoolean("series[0].reported.stale")).isTrue();
        assertThat(otay.getInt("series[0].reported.waitMinutes")).isEqualTo(15);

        // no data from anyone: no series, not zeros
        JsonPath tecate = crossing("tecate");
        assertThat(tecate.getBoolean("hasData")).isFalse();
        assertThat(tecate.getList("series")).isEmpty();

        // the list answers the same as the crossing
        JsonPath all = given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getInt("find { it.id == 'pharr-reynosa' }.series.find { it.laneType == 'FAST' }.reported.waitMinutes"))
                .isEqualTo(35);

        // the history carries the reported wait: on the measured series' points, and as points of its own
        JsonPath pharrHistory = await().atMost(WAIT).until(() -> history(PHARR),
                json -> !json.getList("series.find { it.laneType == 'FAST' }.points").isEmpty());
        assertThat(pharrHistory.getList("series.find { it.laneType == 'FAST' }.points.reportedWaitMinutes"))
                .containsOnly(35);
        assertThat(pharrHistory.getList("series.find { it.laneType == 'FAST' }.points.liveWaitMinutes"))
                .containsOnlyNulls();
        JsonPath ysletaHistory = await().atMost(WAIT).until(() -> history(YSLETA),
                json -> json.getList("series.find { it.laneType == 'STANDARD' }.points.liveWaitMinutes").stream()
                        .anyMatch(v -> v != null));
        List<Object> reported = ysletaHistory.getList("series.find { it.laneType == 'STANDARD' }.points.reportedWaitMinutes");
        assertThat(reported.get(reported.size() - 1)).isEqualTo(60);
    }

    private static JsonPath crossing(String id) {
        return given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/" + id).then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(NumberReturnType.DOUBLE));
    }

    private CrossingDelayUpdated latestPublished(String crossingId, LaneType laneType) {
        String key = new SeriesKey(crossingId, Direction.NORTHBOUND, laneType).toString();
        JsonSerde<CrossingDelayUpdated> json = JsonSerde.of(CrossingDelayUpdated.class);
        return KafkaClients.readAll(bootstrap, Topics.CROSSING_DELAYS).stream()
                .filter(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> json.deserialize(Topics.CROSSING_DELAYS, record.value()))
                .reduce((first, second) -> second).orElse(null);
    }

    private static JsonPath history(String id) {
        return given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/" + id + "/history").then()
                .statusCode(200).extract().jsonPath();
    }

    private static BorderWaitReported reading(String crossingId, LaneType laneType, ReportedStatus status,
            Integer wait, Integer lanes, Instant updatedAt) {
        Instant at = updatedAt == null ? Instant.now() : updatedAt;
        return BorderWaitReported.of(at, new SeriesKey(crossingId, Direction.NORTHBOUND, laneType), "000000", status,
                wait, lanes, 8, true, updatedAt);
    }

    private void publish(BorderWaitReported... readings) {
        EventSerializer json = new EventSerializer();
        KafkaClients.sendRaw(bootstrap, List.of(readings).stream().map(r -> new ProducerRecord<>(Topics.BORDER_WAITS,
                r.series().toString(), json.serialize(Topics.BORDER_WAITS, r))).toList());
    }
}
