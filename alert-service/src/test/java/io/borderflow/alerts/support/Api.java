package io.borderflow.alerts.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.borderflow.events.serde.EventJson;
import io.borderflow.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The calls the end-to-end tests make: produce input, create rules, read alerts. */
public final class Api {

    public static void produce(KafkaCompanion kafka, String topic, String key, Object event) {
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key,
                    EventJson.mapper().writeValueAsString(event))).awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rule on one crossing's average delay: {@code > threshold}. */
    public static void averageDelayRule(String id, String crossingId, double threshold, double forMinutes,
            double keepFiringForMinutes) {
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", "AverageDelayHigh");
        rule.put("measure", "average_delay_minutes");
        rule.put("scope", Map.of("crossingId", crossingId));
        rule.put("comparison", "GT");
        rule.put("threshold", threshold);
        rule.put("forMinutes", forMinutes);
        rule.put("keepFiringForMinutes", keepFiringForMinutes);
        rule.put("severity", "CRITICAL");
        rule.put("summary", "Average delay {{value}} min at {{crossing}}");
        rule.put("runbookUrl", "https://runbooks.example/average-delay");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/rules").then().statusCode(201);
    }

    /** The alerts of one crossing (every state but inactive), as on-call lists them. */
    public static List<Map<String, Object>> alertsAt(String crossingId) {
        return given().auth().oauth2(TestTokens.operator()).queryParam("crossingId", crossingId)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static JsonPath alert(String fingerprint) {
        return given().auth().oauth2(TestTokens.operator()).get("/api/v1/alerts/" + fingerprint).then()
                .statusCode(200).extract().jsonPath();
    }

    private Api() {
    }
}
