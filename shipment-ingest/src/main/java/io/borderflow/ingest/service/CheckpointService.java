package io.borderflow.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.BatchCheckpointReport;
import io.borderflow.ingest.domain.BatchRequest;
import io.borderflow.ingest.domain.BatchResult;
import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.domain.CheckpointReceipt;
import io.borderflow.ingest.domain.CheckpointReport;
import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.messaging.CheckpointPublisher;
import io.borderflow.ingest.repository.CheckpointEntity;
import io.borderflow.ingest.repository.CheckpointRepository;
import io.borderflow.ingest.repository.ShipmentEntity;
import io.borderflow.ingest.repository.ShipmentRepository;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.rest.ProblemMappers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checkpoint hot path: check each report, stamp it with its shipment's carrier, crossing, direction and
 * lane type, and produce it to checkpoints.v1. It reads PostgreSQL (shipments, known eventIds) and never writes
 * it. A single post is a batch of one, so both follow the same rules.
 */
@ApplicationScoped
public class CheckpointService {

    private final ShipmentRepository shipments;
    private final CheckpointRepository checkpoints;
    private final CheckpointPublisher publisher;
    private final RecentEvents recent;
    private final EventTimeWindow timeWindow;
    private final IngestMetrics metrics;
    private final ObjectMapper json;
    private final Validator validator;
    private final int maxBatchSize;
    private final ProblemMappers problems = new ProblemMappers();

    public CheckpointService(ShipmentRepository shipments, CheckpointRepository checkpoints,
            CheckpointPublisher publisher, RecentEvents recent, EventTimeWindow timeWindow, IngestMetrics metrics,
            ObjectMapper json, Validator validator, IngestConfig config) {
        this.shipments = shipments;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.recent = recent;
        this.timeWindow = timeWindow;
        this.metrics = metrics;
        this.json = json;
        this.validator = validator;
        this.maxBatchSize = config.maxBatchSize();
    }

    /** One report for the shipment in the path; a rejected report fails with its problem. */
    public Uni<CheckpointReceipt> record(Caller caller, String shipmentId, CheckpointReport report) {
        return process(caller, List.of(Candidate.of(0, shipmentId, report))).map(results -> {
            Outcome outcome = results.get(0);
            if (outcome.status() == ReceiptStatus.REJECTED) {
                throw new ProblemException(outcome.problem());
            }
            return new CheckpointReceipt(report.eventId(), shipmentId, outcome.status());
        });
    }

    /** Up to {@code max-batch-size} reports, each naming its shipment; each gets its own result. */
    public Uni<BatchResult> recordBatch(Caller caller, BatchRequest batch) {
        if (batch.events().size() > maxBatchSize) {
            return Uni.createFrom().failure(IngestProblems.batchTooLarge(batch.events().size(), maxBatchSize));
        }
        List<Candidate> candidates = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            candidates.add(read(i, batch.events().get(i)));
        }
        return process(caller, candidates).map(outcomes -> BatchResult.of(outcomes.stream()
                .map(o -> new BatchResult.Item(o.candidate().index(), o.candidate().eventId(),
                        o.candidate().shipmentId(), o.status(), o.problem()))
                .toList()));
    }

    private Uni<List<Outcome>> process(Caller caller, List<Candidate> candidates) {
        return evaluate(caller, candidates)
                .chain(outcomes -> publish(caller, outcomes))
                .invoke(outcomes -> outcomes.forEach(o -> metrics.checkpoint(o.status(), reasonOf(o.problem()),
                        caller.carrierId())));
    }

    /** Decides each candidate's fate without publishing anything. */
    private Uni<List<Outcome>> evaluate(Caller caller, List<Candidate> candidates) {
        Instant now = Timestamps.now();
        Outcome[] outcomes = new Outcome[candidates.size()];
        List<Candidate> pending = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Problem problem = candidate.problem() != null ? candidate.problem()
                    : timeWindow.check(candidate.report().occurredAt(), now).orElse(null);
            if (problem != null) {
                outcomes[candidate.index()] = Outcome.rejected(candidate, problem);
            } else {
                pending.add(candidate);
            }
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().item(List.of(outcomes));
        }
        Set<String> shipmentIds = pending.stream().map(Candidate::shipmentId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> unknownEventIds = pending.stream().map(Candidate::eventId)
                .filter(id -> recent.find(id).isEmpty()).collect(Collectors.toSet());
        return Panache.withSession(() -> shipments.findAllById(shipmentIds)
                        .chain(found -> checkpoints.findAllById(unknownEventIds).map(stored -> new Known(
                                found.stream().map(ShipmentEntity::toShipment)
                                        .collect(Collectors.toMap(Shipment::shipmentId, Function.identity())),
                                stored.stream().collect(Collectors.toMap(CheckpointEntity::eventId,
                                        CheckpointFingerprint::of))))))
                .map(known -> {
                    Map<UUID, CheckpointFingerprint> inThisBatch = new HashMap<>();
                    for (Candidate candidate : pending) {
                        outcomes[candidate.index()] = decide(caller, candidate, known, inThisBatch, now);
                    }
                    return List.of(outcomes);
                });
    }

    private Outcome decide(Caller caller, Candidate candidate, Known known,
            Map<UUID, CheckpointFingerprint> inThisBatch, Instant now) {
        Shipment shipment = known.shipments().get(candidate.shipmentId());
        if (shipment == null || !caller.owns(shipment)) {
            return Outcome.rejected(candidate, IngestProblems.shipmentNotFound(candidate.shipmentId()));
        }
        CheckpointFingerprint fingerprint = CheckpointFingerprint.of(candidate.shipmentId(), candidate.report());
        CheckpointFingerprint earlier = inThisBatch.get(candidate.eventId());
        if (earlier == null) {
            earlier = recent.find(candidate.eventId()).orElse(known.stored().get(candidate.eventId()));
        }
        if (earlier != null) {
            return earlier.equals(fingerprint) ? new Outcome(candidate, ReceiptStatus.DUPLICATE, null, null, null)
                    : Outcome.rejected(candidate, IngestProblems.duplicateEvent(candidate.eventId()));
        }
        inThisBatch.put(candidate.eventId(), fingerprint);
        CheckpointReport report = candidate.report();
        CheckpointRecorded event = new CheckpointRecorded(report.eventId(), report.occurredAt(),
                CheckpointRecorded.SCHEMA_VERSION, shipment.shipmentId(), shipment.carrierId(), shipment.crossingId(),
                shipment.direction(), shipment.laneType(), report.type(), report.source(), report.location(), now);
        return new Outcome(candidate, ReceiptStatus.ACCEPTED, null, event, fingerprint);
    }

    /** Produces every ACCEPTED event and waits for all acknowledgements; any missing one fails the call (503). */
    private Uni<List<Outcome>> publish(Caller caller, List<Outcome> outcomes) {
        List<Outcome> toSend = outcomes.stream().filter(o -> o.event() != null).toList();
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        AtomicInteger acknowledged = new AtomicInteger();
        List<Uni<Void>> sends = toSend.stream()
                .map(o -> publisher.publish(o.event()).invoke(() -> {
                    // remembered as soon as acknowledged: a retry of a half-acknowledged batch sees DUPLICATE
                    recent.remember(o.candidate().eventId(), o.fingerprint());
                    acknowledged.incrementAndGet();
                }))
                .toList();
        return Uni.join().all(sends).andCollectFailures().replaceWith(outcomes)
                .onFailure().transform(failure -> {
                    int unacknowledged = toSend.size() - acknowledged.get();
                    metrics.checkpointsUnavailable(unacknowledged, caller.carrierId());
                    BrokerUnavailableException cause = firstBrokerFailure(failure);
                    return new BrokerUnavailableException(cause.problem().detail() + "; " + acknowledged.get()
                            + " of " + toSend.size() + " events acknowledged. Send them again: acknowledged ones"
                            + " answer DUPLICATE", cause.retryAfter(), failure);
                });
    }

    private static BrokerUnavailableException firstBrokerFailure(Throwable failure) {
        List<Throwable> causes = failure instanceof CompositeException composite ? composite.getCauses()
                : List.of(failure);
        return causes.stream().filter(BrokerUnavailableException.class::isInstance)
                .map(BrokerUnavailableException.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("publishing failed", failure));
    }

    /** One event of a batch, read on its own so that an unreadable event rejects only itself. */
    private Candidate read(int index, JsonNode node) {
        String shipmentId = node != null && node.path("shipmentId").isTextual() ? node.get("shipmentId").asText() : null;
        UUID eventId = uuidOrNull(node == null ? null : node.path("eventId").asText(null));
        if (node == null || !node.isObject()) {
            return Candidate.rejected(index, shipmentId, eventId, Problem.of(400, "invalid-field",
                    "Field has the wrong type", "events[" + index + "]: expected an object"));
        }
        BatchCheckpointReport item;
        try {
            item = json.treeToValue(node, BatchCheckpointReport.class);
        } catch (JsonProcessingException e) {
            return Candidate.rejected(index, shipmentId, eventId, (Problem) problems.json(e).getEntity());
        }
        Set<ConstraintViolation<BatchCheckpointReport>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            return Candidate.rejected(index, shipmentId, eventId,
                    (Problem) problems.validation(new ConstraintViolationException(violations)).getEntity());
        }
        return Candidate.of(index, item.shipmentId(), item.report());
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String reasonOf(Problem problem) {
        return problem == null ? "none" : problem.type().substring(problem.type().lastIndexOf('/') + 1);
    }

    /** A report to decide on; {@code problem} is set when it could not even be read. */
    private record Candidate(int index, String shipmentId, UUID eventId, CheckpointReport report, Problem problem) {

        static Candidate of(int index, String shipmentId, CheckpointReport report) {
            return new Candidate(index, shipmentId, report.eventId(), report, null);
        }

        static Candidate rejected(int index, String shipmentId, UUID eventId, Problem problem) {
            return new Candidate(index, shipmentId, eventId, null, problem);
        }
    }

    /** What ingest knows beyond the request: the shipments named, and stored checkpoints with the same eventIds. */
    private record Known(Map<String, Shipment> shipments, Map<UUID, CheckpointFingerprint> stored) {
    }

    /** The decision on one candidate; {@code event} is set for those to publish. */
    private record Outcome(Candidate candidate, ReceiptStatus status, Problem problem, CheckpointRecorded event,
            CheckpointFingerprint fingerprint) {

        static Outcome rejected(Candidate candidate, Problem problem) {
            return new Outcome(candidate, ReceiptStatus.REJECTED, problem, null, null);
        }
    }
}
