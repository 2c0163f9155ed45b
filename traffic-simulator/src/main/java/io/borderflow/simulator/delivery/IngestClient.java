package io.borderflow.simulator.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.borderflow.simulator.traffic.Journey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * shipment-ingest's public REST API as a carrier's system calls it: register a shipment, post a batch of
 * checkpoints, with the carrier's bearer token. Given several instances, it spreads requests over them in turn,
 * and a request whose connection is refused goes to the next one (it never reached a service, so nothing is
 * sent twice), as a load balancer in front of replicas would do.
 */
public final class IngestClient {

    /** What became of one request or one item of a batch. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, RETRY }

    /** @param problem title and detail of a rejection or of the failure to retry; null when accepted */
    public record Result(Status status, String problem) {
    }

    /** Per-item results of a batch, in request order; all RETRY when the batch as a whole failed. */
    public record BatchResult(List<Result> items, String failure) {
    }

    private final HttpClient http;
    private final List<URI> baseUrls;
    private final AtomicInteger turn = new AtomicInteger();
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public IngestClient(List<URI> baseUrls, Duration timeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no ingest URL");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public CompletableFuture<Result> register(String token, Journey.Shipment shipment) {
        ObjectNode body = json.createObjectNode();
        body.put("shipmentId", shipment.shipmentId());
        body.put("crossingId", shipment.crossingId());
        body.put("direction", shipment.direction().name());
        body.put("laneType", shipment.laneType().name());
        body.put("plannedArrival", shipment.plannedArrival().toString());
        body.set("referenceNumbers", json.valueToTree(shipment.referenceNumbers()));
        return send(token, "/api/v1/shipments", body).handle((response, error) -> {
            if (error != null) {
                return new Result(Status.RETRY, describe(error));
            }
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return new Result(Status.ACCEPTED, null);
            }
            return new Result(retryable(status) ? Status.RETRY : Status.REJECTED, problem(response));
        });
    }

    /** Posts checkpoints of one carrier's shipments; {@code shipmentIds} and {@code checkpoints} run in parallel. */
    public CompletableFuture<BatchResult> postBatch(String token, List<String> shipmentIds,
            List<Journey.Checkpoint> checkpoints) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < checkpoints.size(); i++) {
            Journey.Checkpoint checkpoint = checkpoints.get(i);
            ObjectNode event = events.addObject();
            event.put("shipmentId", shipmentIds.get(i));
            event.put("eventId", checkpoint.eventId().toString());
            event.put("type", checkpoint.type().name());
            event.put("occurredAt", checkpoint.occurredAt().toString());
            event.put("source", checkpoint.source().name());
            if (checkpoint.location() != null) {
                ObjectNode location = event.putObject("location");
                location.put("latitude", checkpoint.location().latitude());
                location.put("longitude", checkpoint.location().longitude());
            }
        }
        int size = checkpoints.size();
        return send(token, "/api/v1/checkpoints/batch", body).handle((response, error) -> {
            if (error != null) {
                return allRetry(size, describe(error));
            }
            if (response.statusCode() != 200) {
                String problem = problem(response);
                if (retryable(response.statusCode())) {
                    return allRetry(size, problem);
                }
                return new BatchResult(repeat(size, new Result(Status.REJECTED, problem)), problem);
            }
            return parseBatch(response.body(), size);
        });
    }

    /** One upload of a truck's positions: {@code POST /api/v1/shipments/{id}/positions}. */
    public CompletableFuture<BatchResult> postPositions(String token, String shipmentId,
            List<Journey.Position> positions) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("positions");
        for (Journey.Position position : positions) {
            ObjectNode item = items.addObject();
            item.put("at", position.at().toString());
            item.put("latitude", position.location().latitude());
            item.put("longitude", position.location().longitude());
            item.put("speedKph", position.speedKph());
            item.put("headingDeg", position.headingDeg());
            item.put("accuracyMeters", position.accuracyMeters());
        }
        int size = positions.size();
        String path = "/api/v1/shipments/" + URLEncoder.encode(shipmentId, StandardCharsets.UTF_8) + "/positions";
        return send(token, path, body).handle((response, error) -> {
            if (error != null) {
                return allRetry(size, describe(error));
            }
            if (response.statusCode() != 200) {
                String problem = problem(response);
                if (retryable(response.statusCode())) {
                    return allRetry(size, problem);
                }
                return new BatchResult(repeat(size, new Result(Status.REJECTED, problem)), problem);
            }
            return parseBatch(response.body(), size);
        });
    }

    private BatchResult parseBatch(String body, int size) {
        List<Result> items = new ArrayList<>(repeat(size, new Result(Status.RETRY, "missing from the batch response")));
        try {
            for (JsonNode item : json.readTree(body).path("results")) {
                int index = item.path("index").asInt(-1);
                if (index < 0 || index >= size) {
                    continue;
                }
                Status status = switch (item.path("status").asText()) {
                    case "ACCEPTED" -> Status.ACCEPTED;
                    case "DUPLICATE" -> Status.DUPLICATE;
                    default -> Status.REJECTED;
                };
                JsonNode problem = item.path("problem");
                items.set(index, new Result(status, status == Status.REJECTED
                        ? problem.path("title").asText("rejected") + ": " + problem.path("detail").asText("")
                        : null));
            }
        } catch (IOException e) {
            return allRetry(size, "unreadable batch response: " + e.getMessage());
        }
        return new BatchResult(items, null);
    }

    private CompletableFuture<HttpResponse<String>> send(String token, String path, ObjectNode body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sendTo(Math.floorMod(turn.getAndIncrement(), baseUrls.size()), baseUrls.size(), token, path, text);
    }

    /** Sends to instance {@code index}; on a refused connection tries the next, {@code left} instances in all. */
    private CompletableFuture<HttpResponse<String>> sendTo(int index, int left, String token, String path,
            String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUrls.get(index).resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        if (left <= 1) {
            return sent;
        }
        return sent.handle((response, error) -> {
            if (error != null && refused(error)) {
                return sendTo((index + 1) % baseUrls.size(), left - 1, token, path, body);
            }
            return error == null ? CompletableFuture.completedFuture(response)
                    : CompletableFuture.<HttpResponse<String>>failedFuture(error);
        }).thenCompose(next -> next);
    }

    private static boolean refused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Overload, unavailable broker (503 with Retry-After), gateway trouble: try again later. */
    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private String problem(HttpResponse<String> response) {
        String text = "HTTP " + response.statusCode();
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem.hasNonNull("title")) {
                text += " " + problem.get("title").asText();
            }
            if (problem.hasNonNull("detail")) {
                text += ": " + problem.get("detail").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not problem+json (a proxy's page, an empty body): the status says enough
        }
        return text;
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static BatchResult allRetry(int size, String failure) {
        return new BatchResult(repeat(size, new Result(Status.RETRY, failure)), failure);
    }

    private static List<Result> repeat(int size, Result result) {
        List<Result> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(result);
        }
        return items;
    }
}
