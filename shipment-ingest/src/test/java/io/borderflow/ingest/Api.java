package io.borderflow.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The shipment-ingest API as the tests call it. */
final class Api {

    static final String LAREDO = "laredo-world-trade-bridge";

    static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    static Map<String, Object> shipment(String shipmentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipmentId", shipmentId);
        body.put("crossingId", LAREDO);
        body.put("direction", "NORTHBOUND");
        body.put("laneType", "FAST");
        body.put("plannedArrival", "2026-11-27T18:00:00Z");
        body.put("referenceNumbers", Map.of("billOfLading", "BOL-" + shipmentId));
        return body;
    }

    static ValidatableResponse register(String token, String shipmentId) {
        return as(token).body(shipment(shipmentId)).post("/api/v1/shipments").then();
    }

    /** A valid checkpoint report, {@code minutesAgo} before now. */
    static Map<String, Object> checkpoint(UUID eventId, String type, long minutesAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("type", type);
        body.put("occurredAt", Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        body.put("source", "RFID");
        return body;
    }

    static Map<String, Object> batchItem(String shipmentId, UUID eventId, String type, long minutesAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipmentId", shipmentId);
        body.putAll(checkpoint(eventId, type, minutesAgo));
        return body;
    }

    static ValidatableResponse postCheckpoint(String token, String shipmentId, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/shipments/{id}/checkpoints", shipmentId).then();
    }

    private Api() {
    }
}
