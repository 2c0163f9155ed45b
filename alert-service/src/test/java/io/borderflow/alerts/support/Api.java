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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The value of the first Prometheus sample of {@code name} whose labels contain every given pair; 0 if none. */
    public static double metric(String name, String... labels) {
        return sample(name, labels).orElse(0.0);
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain every given pair, if any. */
    public static Optional<Double> sample(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // a sample incremented inside a trace carries an OpenMetrics exemplar (# {span_id=…,trace_id=…} …) after it
        Matcher samples = Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)})? (\\S+)(?: # .*)?$").matcher(text);
        while (samples.find()) {
            String found = samples.group(1) == null ? "" : samples.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Optional.of(Double.parseDouble(samples.group(2)));
            }
        }
        return Optional.empty();
    }

    private Api() {
    }
}
