package io.borderflow.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.simulator.traffic.Imperfections;
import io.borderflow.simulator.traffic.TrafficGenerator;
import io.borderflow.simulator.traffic.TrafficProfile;
import io.borderflow.simulator.traffic.TrafficSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery loop against a stand-in for shipment-ingest on loopback that answers like the contract says and
 * rejects whatever a real carrier integration must not do: checkpoints of unregistered shipments, another
 * carrier's shipments, requests without a token.
 */
class SimulationTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> carrierOfShipment = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger contractViolations = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicBoolean firstBatchRefused = new AtomicBoolean();
    private HttpServer server;

    @BeforeEach
    void startIngestStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/shipments", this::register);
        server.createContext("/api/v1/checkpoints/batch", this::batch);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void registersShipmentsBeforeTheirCheckpointsAndRetriesWhatIngestCouldNotTake() throws Exception {
        CrossingCatalog catalog = CrossingCatalog.load();
        TrafficSettings settings = TrafficSettings.defaults(9, "SIMTEST").withVolumeScale(0.1)
                .withImperfections(new Imperfections(0.2, 0.05, 0.02, 0));
        // a Tuesday afternoon on the border, whenever the test runs: the volume does not depend on the hour of CI
        AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-07-07T20:00:00Z"));
        SimulationClock clock = new SimulationClock(Duration.ofHours(2), 60, wall::get);
        TrafficGenerator generator = new TrafficGenerator(catalog, TrafficProfile.load(catalog, true), settings,
                clock.start());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Simulation simulation = new Simulation(clock, generator,
                new DeliveryPlanner(settings.imperfections(), settings.seed(), clock.start()),
                new IngestClient(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")),
                        Duration.ofSeconds(10)),
                carrier -> "token-of-" + carrier, RateLimiter.unlimited(),
                new Simulation.Settings(100, 4, Duration.ofSeconds(1), null),
                new PrintStream(output, true, StandardCharsets.UTF_8), eventId -> acknowledged.add(eventId.toString()));

        // two simulated hours in steps of 30 simulated minutes (30 s of real time at x60), then live
        List<Boolean> healthy = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
            healthy.add(simulation.tick());
            wall.set(wall.get().plusSeconds(30));
        }

        Progress progress = simulation.progress();
        assertThat(contractViolations.get()).as(output.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(healthy).as("the refused batch makes one round unhealthy").contains(false);
        assertThat(healthy.get(healthy.size() - 1)).isTrue();
        assertThat(progress.shipmentsRegistered()).isEqualTo(carrierOfShipment.size()).isPositive();
        assertThat(progress.accepted()).isEqualTo(eventIds.size()).isGreaterThan(100);
        assertThat(progress.duplicates()).as("re-sent events are reported as duplicates").isPositive();
        assertThat(progress.rejectedCheckpoints()).isZero();
        assertThat(progress.retried.get()).as("the refused first batch is sent again").isPositive();
        assertThat(progress.checkpointsSent()).isEqualTo(progress.accepted() + progress.duplicates());
        assertThat(acknowledged).as("every acknowledged id is reported, and only those").isEqualTo(eventIds);
    }

    private void register(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        String carrier = carrier(exchange);
        if (carrier == null || !body.hasNonNull("plannedArrival") || !body.hasNonNull("crossingId")) {
            contractViolations.incrementAndGet();
            respond(exchange, 400, "{\"title\":\"bad request\"}");
            return;
        }
        carrierOfShipment.put(body.get("shipmentId").asText(), carrier);
        respond(exchange, 201, body.toString());
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (batches.incrementAndGet() == 1 && firstBatchRefused.compareAndSet(false, true)) {
            respond(exchange, 503, "{\"title\":\"broker unavailable\"}");
            return;
        }
        String carrier = carrier(exchange);
        ObjectNode response = json.createObjectNode();
        ArrayNode results = response.putArray("results");
        int index = 0;
        for (JsonNode event : json.readTree(exchange.getRequestBody()).path("events")) {
            String shipmentId = event.path("shipmentId").asText();
            String status;
            if (!carrier.equals(carrierOfShipment.get(shipmentId)) || !event.hasNonNull("occurredAt")) {
                contractViolations.incrementAndGet();
                status = "REJECTED";
            } else {
                status = eventIds.add(event.path("eventId").asText()) ? "ACCEPTED" : "DUPLICATE";
            }
            results.addObject().put("index", index++).put("eventId", event.path("eventId").asText()).put("status", status);
        }
        respond(exchange, 200, response.toString());
    }

    private static String carrier(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer token-of-")
                ? authorization.substring("Bearer token-of-".length()) : null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
