import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The smoke test's checks of a running local stack, through the public APIs only. Run by deploy/local/smoke
 * as a single-file program with Jackson on the class path.
 *
 * usage: SmokeCheck.java rule ADMIN_TOKEN RULE_ID THRESHOLD
 *        SmokeCheck.java delete-rule ADMIN_TOKEN RULE_ID
 *        SmokeCheck.java verify SUMMARY_JSON OPERATOR_TOKEN ONCALL_TOKEN RULE_ID WAIT_SECONDS
 *        SmokeCheck.java trace CARRIER_ID CARRIER_TOKEN ADMIN_TOKEN SINK_DIR WAIT_SECONDS
 */
public class SmokeCheck {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String INGEST = "http://127.0.0.1:8081";
    static final String ANALYZER = "http://127.0.0.1:8082";
    static final String ALERTS = "http://127.0.0.1:8083";

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("rule")) {
            try {
                rule(args[1], args[2], Double.parseDouble(args[3]));
            } catch (IllegalStateException | IOException e) {
                System.out.println("  FAILED: " + e.getMessage());
                System.exit(1);
            }
        } else if (args.length == 3 && args[0].equals("delete-rule")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ALERTS + "/api/v1/rules/" + args[2]))
                    .header("Authorization", "Bearer " + args[1]).DELETE());
            System.out.println("  rule " + args[2] + " deleted (HTTP " + response.statusCode() + ")");
        } else if (args.length == 6 && args[0].equals("trace")) {
            System.exit(trace(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5])) ? 0 : 1);
        } else if (args.length == 6 && args[0].equals("verify")) {
            System.exit(verify(Path.of(args[1]), args[2], args[3], args[4], Integer.parseInt(args[5])) ? 0 : 1);
        } else {
            System.err.println("usage: SmokeCheck.java rule ADMIN_TOKEN RULE_ID THRESHOLD | "
                    + "verify SUMMARY OPERATOR_TOKEN ONCALL_TOKEN RULE_ID WAIT_SECONDS | "
                    + "trace CARRIER_ID CARRIER_TOKEN ADMIN_TOKEN SINK_DIR WAIT_SECONDS");
            System.exit(2);
        }
    }

    /**
     * A live-wait rule that fires at once and resolves at once: the default rules hold a condition for 10 min
     * of wall-clock time, longer than a smoke test runs.
     */
    static void rule(String adminToken, String ruleId, double threshold) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "id", ruleId,
                "name", "smoke test: live wait over " + (int) threshold + " min",
                "measure", "live_wait_minutes",
                "threshold", threshold,
                "forMinutes", 0,
                "keepFiringForMinutes", 0,
                "severity", "INFO",
                "summary", "Live wait at {{crossing}} over " + (int) threshold + " min (smoke test)"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ALERTS + "/api/v1/rules/" + ruleId))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            response = send(HttpRequest.newBuilder(URI.create(ALERTS + "/api/v1/rules"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("cannot create the smoke rule: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        System.out.println("  rule " + ruleId + ": live_wait_minutes > " + threshold + ", for 0, keep firing for 0");
    }

    static final List<String> TRACED_SERVICES = List.of("shipment-ingest", "delay-analyzer", "alert-service");

    /**
     * One trace across the three processes: a checkpoint posted with a known {@code traceparent} fires a shipment
     * rule (delay ≥ 0, {@code for} 0, this carrier only) whose webhook request must carry the same trace id, and each
     * service must have exported spans of that trace to TraceSink. The rule is deleted again, so the simulated traffic
     * after it sends no webhook per shipment.
     */
    static boolean trace(String carrierId, String carrierToken, String adminToken, Path sink, int waitSeconds)
            throws Exception {
        String ruleId = "smoke-trace";
        String traceId = hex(16);
        String shipmentId = "SMOKE-TRACE-" + traceId.substring(0, 8);
        try {
            expect2xx("rule " + ruleId, send(HttpRequest.newBuilder(URI.create(ALERTS + "/api/v1/rules"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(json(Map.of("id", ruleId, "name", "smoke test: traced shipment",
                            "measure", "shipment_delay_minutes", "scope", Map.of("carrierId", carrierId),
                            "comparison", "GE", "threshold", 0, "forMinutes", 0, "keepFiringForMinutes", 0,
                            "severity", "INFO", "summary", "{{shipment}} delayed (smoke test)")))));
            expect2xx("registration", send(HttpRequest.newBuilder(URI.create(INGEST + "/api/v1/shipments"))
                    .header("Authorization", "Bearer " + carrierToken).header("Content-Type", "application/json")
                    .POST(json(Map.of("shipmentId", shipmentId, "crossingId", "laredo-world-trade-bridge",
                            "direction", "NORTHBOUND", "laneType", "FAST",
                            "plannedArrival", Instant.now().minusSeconds(3600).toString(),
                            "referenceNumbers", Map.of("billOfLading", "BOL-" + shipmentId))))));
            Instant posted = Instant.now();
            expect2xx("checkpoint", send(HttpRequest.newBuilder(
                    URI.create(INGEST + "/api/v1/shipments/" + shipmentId + "/checkpoints"))
                    .header("Authorization", "Bearer " + carrierToken).header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                    .POST(json(Map.of("eventId", java.util.UUID.randomUUID().toString(), "type", "QUEUE_ENTERED",
                            "occurredAt", posted.minusSeconds(1800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString(), "source", "RFID")))));
            Instant deadline = posted.plusSeconds(waitSeconds);
            List<String> missing = waitFor(deadline, () -> traceMissing(sink, traceId));
            Map<String, Long> spans = spansByService(sink, traceId);
            System.out.printf("  trace %s: spans %s; a webhook request in it: %s (after %d s)%n", traceId, spans,
                    hooked(sink, traceId), java.time.Duration.between(posted, Instant.now()).toSeconds());
            missing.forEach(m -> System.out.println("  FAILED: " + m));
            return missing.isEmpty();
        } catch (IllegalStateException e) {
            System.out.println("  FAILED: " + e.getMessage());
            return false;
        } finally {
            send(HttpRequest.newBuilder(URI.create(ALERTS + "/api/v1/rules/" + ruleId))
                    .header("Authorization", "Bearer " + adminToken).DELETE());
        }
    }

    static List<String> traceMissing(Path sink, String traceId) {
        List<String> missing = new ArrayList<>();
        Map<String, Long> spans = spansByService(sink, traceId);
        TRACED_SERVICES.stream().filter(service -> !spans.containsKey(service))
                .forEach(service -> missing.add("no span of " + service + " in trace " + traceId));
        if (!hooked(sink, traceId)) {
            missing.add("no webhook request with traceparent in trace " + traceId);
        }
        return missing;
    }

    static Map<String, Long> spansByService(Path sink, String traceId) {
        return lines(sink.resolve("spans")).stream().map(line -> line.split(" "))
                .filter(span -> span.length >= 4 && span[0].equals(traceId))
                .collect(java.util.stream.Collectors.groupingBy(span -> span[3], java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    static boolean hooked(Path sink, String traceId) {
        return lines(sink.resolve("hooks")).stream().anyMatch(traceparent -> traceparent.contains("-" + traceId + "-"));
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static HttpRequest.BodyPublisher json(Map<String, Object> body) throws IOException {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    static void expect2xx(String what, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    static boolean verify(Path summaryFile, String operatorToken, String oncallToken, String ruleId, int waitSeconds)
            throws Exception {
        List<String> failures = new ArrayList<>();
        JsonNode summary = JSON.readTree(Files.readString(summaryFile));
        long accepted = summary.path("checkpointsAccepted").asLong();
        System.out.printf("  simulator: %d shipments registered, %d checkpoints accepted, %d duplicate, %d rejected%n",
                summary.path("shipmentsRegistered").asLong(), accepted, summary.path("checkpointsDuplicate").asLong(),
                summary.path("checkpointsRejected").asLong());
        if (accepted == 0) {
            failures.add("ingest accepted no checkpoint");
        }
        if (summary.path("checkpointsRejected").asLong() > 0 || summary.path("shipmentsRejected").asLong() > 0) {
            failures.add("ingest rejected simulated requests (see run/logs/simulator.log)");
        }
        List<String> withTraffic = new ArrayList<>();
        summary.path("checkpointsAcceptedByCrossing").fieldNames().forEachRemaining(withTraffic::add);

        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        List<String> withoutStatistics = waitFor(deadline, () -> crossingsWithoutStatistics(operatorToken, withTraffic));
        System.out.printf("  delay-analyzer: %d of %d crossings with traffic have statistics%n",
                withTraffic.size() - withoutStatistics.size(), withTraffic.size());
        if (!withoutStatistics.isEmpty()) {
            failures.add("no statistics for " + withoutStatistics);
        }

        long positions = summary.path("positionsAccepted").asLong();
        if (summary.path("positionsSent").asLong() > 0) {
            System.out.printf("  simulator: %d GPS positions sent, %d accepted%n", summary.path("positionsSent").asLong(),
                    positions);
            List<String> gpsCarriers = new ArrayList<>();
            summary.path("gpsCarriers").forEach(c -> gpsCarriers.add(c.asText()));
            if (positions == 0 || gpsCarriers.isEmpty()) {
                failures.add("ingest accepted no GPS position, or the simulator names no GPS carrier");
            } else {
                failures.addAll(gpsJourneysMeasured(operatorToken, gpsCarriers));
            }
        }

        List<String> notResolved = waitFor(deadline,
                () -> resolvedAlerts(oncallToken, ruleId).isEmpty() ? List.of("none") : List.of());
        List<String> found = resolvedAlerts(oncallToken, ruleId);
        System.out.printf("  alert-service: %d live-wait alert(s) fired and resolved%s%n", found.size(),
                found.isEmpty() ? "" : " " + found.subList(0, Math.min(5, found.size())));
        if (!notResolved.isEmpty()) {
            failures.add("no live-wait alert of rule " + ruleId + " fired and resolved");
        }
        failures.forEach(f -> System.out.println("  FAILED: " + f));
        return failures.isEmpty();
    }

    /**
     * Positions moved the analyzer as checkpoints do. The GPS carriers post no checkpoint (other carriers' telematics
     * post some with source {@code GPS_GEOFENCE} themselves), so every checkpoint in their shipments' timelines was
     * derived by ingest: among their exited shipments (a status only the analyzer gives), a sample must show only
     * {@code GPS_GEOFENCE} checkpoints, some the three milestones with a wait and a crossing time the analyzer
     * measured, and their series measured statistics.
     */
    static List<String> gpsJourneysMeasured(String token, List<String> gpsCarriers) {
        List<String> failures = new ArrayList<>();
        List<JsonNode> timelines = new ArrayList<>();
        for (int page = 0; page < 10 && timelines.size() < 40; page++) {
            JsonNode list = get(INGEST + "/api/v1/shipments?status=EXITED&size=500&page=" + page, token);
            for (JsonNode shipment : list.path("items")) {
                if (gpsCarriers.contains(shipment.path("carrierId").asText()) && timelines.size() < 40) {
                    timelines.add(get(INGEST + "/api/v1/shipments/" + shipment.path("shipmentId").asText()
                            + "/timeline", token));
                }
            }
            if (list.path("items").size() < 500) {
                break;
            }
        }
        Set<String> notDerived = new LinkedHashSet<>();
        List<String> measured = new ArrayList<>();
        Set<String> series = new LinkedHashSet<>();
        for (JsonNode timeline : timelines) {
            Set<String> milestones = new LinkedHashSet<>();
            timeline.path("checkpoints").forEach(c -> {
                if ("GPS_GEOFENCE".equals(c.path("source").asText())) {
                    milestones.add(c.path("type").asText());
                } else {
                    notDerived.add(timeline.path("shipmentId").asText() + " " + c.path("type").asText() + " from "
                            + c.path("source").asText());
                }
            });
            JsonNode delay = timeline.path("delay");
            if (milestones.containsAll(List.of("QUEUE_ENTERED", "PRIMARY_INSPECTION", "PORT_EXITED"))
                    && delay.path("waitMinutes").isNumber() && delay.path("crossingMinutes").isNumber()) {
                measured.add(timeline.path("shipmentId").asText());
                series.add(timeline.path("crossingId").asText() + "/" + timeline.path("direction").asText() + "/"
                        + timeline.path("laneType").asText());
            }
        }
        System.out.printf("  shipment-ingest: %d exited shipments of the GPS carriers %s sampled: %d with queue,"
                + " primary and exit derived from positions (GPS_GEOFENCE) and a wait and crossing time measured%n",
                timelines.size(), gpsCarriers, measured.size());
        if (measured.isEmpty()) {
            failures.add("no exited shipment of a GPS carrier with all three milestones derived from positions and"
                    + " measured by the analyzer");
        }
        if (!notDerived.isEmpty()) {
            failures.add("GPS carriers' timelines hold checkpoints not derived from positions: "
                    + List.copyOf(notDerived).subList(0, Math.min(5, notDerived.size())));
        }
        List<String> withoutStatistics = new ArrayList<>();
        for (String key : series) {
            String[] part = key.split("/");
            boolean hasStatistics = false;
            for (JsonNode s : get(ANALYZER + "/api/v1/crossings/" + part[0], token).path("series")) {
                hasStatistics |= s.path("direction").asText().equals(part[1])
                        && s.path("laneType").asText().equals(part[2]) && s.path("measured").asBoolean(true)
                        && s.path("lastCheckpointAt").isTextual();
            }
            if (!hasStatistics) {
                withoutStatistics.add(key);
            }
        }
        System.out.printf("  delay-analyzer: %d of %d series of those journeys have measured statistics%n",
                series.size() - withoutStatistics.size(), series.size());
        if (!withoutStatistics.isEmpty()) {
            failures.add("no measured statistics for the GPS journeys' series " + withoutStatistics);
        }
        return failures;
    }

    static List<String> crossingsWithoutStatistics(String token, List<String> withTraffic) {
        JsonNode crossings = get(ANALYZER + "/api/v1/crossings", token);
        List<String> missing = new ArrayList<>(withTraffic);
        for (JsonNode crossing : crossings) {
            if (crossing.path("hasData").asBoolean() && crossing.path("series").size() > 0) {
                missing.remove(crossing.path("id").asText());
            }
        }
        return missing;
    }

    /**
     * Crossings where an alert of the rule went from firing to resolved, read from each alert's history: an
     * alert that fired again since is firing now, but its history keeps the resolution.
     */
    static List<String> resolvedAlerts(String token, String ruleId) {
        JsonNode page = get(ALERTS + "/api/v1/alerts?size=500", token);
        List<String> found = new ArrayList<>();
        for (Iterator<JsonNode> it = page.path("items").elements(); it.hasNext() && found.size() < 20; ) {
            JsonNode alert = it.next();
            if (!ruleId.equals(alert.path("ruleId").asText()) && !ruleId.equals(alert.path("labels").path("rule").asText())) {
                continue;
            }
            String crossing = alert.path("labels").path("crossing").asText("?");
            if ("RESOLVED".equalsIgnoreCase(alert.path("state").asText())) {
                found.add(crossing);
                continue;
            }
            JsonNode detail = get(ALERTS + "/api/v1/alerts/" + alert.path("fingerprint").asText(), token);
            for (JsonNode change : detail.path("history")) {
                if ("FIRING".equalsIgnoreCase(change.path("from").asText()) && "RESOLVED".equalsIgnoreCase(change.path("to").asText())) {
                    found.add(crossing);
                    break;
                }
            }
        }
        return found;
    }

    /** Retries until the check finds nothing missing or the deadline passes; returns what is still missing. */
    static List<String> waitFor(Instant deadline, Supplier<List<String>> check) throws InterruptedException {
        List<String> missing = check.get();
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(3_000);
            missing = check.get();
        }
        return missing;
    }

    static JsonNode get(String url, String token) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
            if (response.statusCode() != 200) {
                System.out.println("  GET " + url + " -> HTTP " + response.statusCode() + " " + response.body());
                return JSON.createArrayNode();
            }
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            System.out.println("  GET " + url + " failed: " + e);
            return JSON.createArrayNode();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
