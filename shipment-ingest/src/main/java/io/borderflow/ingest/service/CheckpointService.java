package io.borderflow.ingest.service;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.domain.CheckpointFingerprint;
import io.borderflow.ingest.domain.CheckpointIntake;
import io.borderflow.ingest.domain.CheckpointIntake.Known;
import io.borderflow.ingest.domain.CheckpointReceipt;
import io.borderflow.ingest.domain.CheckpointReport;
import io.borderflow.ingest.domain.EventTimeWindow;
import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.Submission;
import io.borderflow.ingest.domain.Timestamps;
import io.borderflow.ingest.domain.Verdict;
import io.borderflow.ingest.messaging.BrokerAcknowledgements;
import io.borderflow.ingest.messaging.CheckpointPublisher;
import io.borderflow.ingest.repository.CheckpointEntity;
import io.borderflow.ingest.repository.CheckpointRepository;
import io.borderflow.ingest.repository.RecentEvents;
import io.borderflow.ingest.repository.ShipmentEntity;
import io.borderflow.ingest.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checkpoint hot path: looks up what {@link CheckpointIntake} needs to decide (shipments and known eventIds
 * from PostgreSQL and memory; it never writes PostgreSQL), lets it decide, produces the accepted events to
 * checkpoints.v1 and counts the outcomes. A single post is a batch of one, so both follow the same rules.
 */
@ApplicationScoped
public class CheckpointService {

    private final ShipmentRepository shipments;
    private final CheckpointRepository checkpoints;
    private final CheckpointPublisher publisher;
    private final BrokerAcknowledgements acknowledgements;
    private final RecentEvents recent;
    private final IngestMetrics metrics;
    private final EventTimeWindow timeWindow;
    private final int maxBatchSize;

    public CheckpointService(ShipmentRepository shipments, CheckpointRepository checkpoints,
            CheckpointPublisher publisher, BrokerAcknowledgements acknowledgements, RecentEvents recent,
            IngestMetrics metrics, IngestConfig config) {
        this.shipments = shipments;
        this.acknowledgements = acknowledgements;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.recent = recent;
        this.metrics = metrics;
        this.timeWindow = new EventTimeWindow(config.maxFutureSkew(), config.maxEventAge());
        this.maxBatchSize = config.maxBatchSize();
    }

    /** One report for the shipment in the path; a rejected report fails the call with its rejection. */
    public Uni<CheckpointReceipt> record(Caller caller, String shipmentId, CheckpointReport report) {
        return process(caller, List.of(Submission.of(shipmentId, report))).map(verdicts -> {
            Verdict verdict = verdicts.get(0);
            if (verdict.rejection() != null) {
                throw verdict.rejection().exception();
            }
            return new CheckpointReceipt(report.eventId(), shipmentId, verdict.status());
        });
    }

    /** Up to {@code max-batch-size} submissions, each naming its shipment; a verdict for each, in order. */
    public Uni<List<Verdict>> recordBatch(Caller caller, List<Submission> batch) {
        return CheckpointIntake.batchSizeRefusal(batch.size(), maxBatchSize)
                .map(refusal -> Uni.createFrom().<List<Verdict>>failure(refusal.exception()))
                .orElseGet(() -> process(caller, batch));
    }

    private Uni<List<Verdict>> process(Caller caller, List<Submission> submissions) {
        Instant now = Timestamps.now();
        return lookUp(CheckpointIntake.toLookUp(submissions, timeWindow, now))
                .map(known -> CheckpointIntake.decide(caller, submissions, known, timeWindow, now))
                .chain(verdicts -> publish(caller, verdicts))
                .invoke(verdicts -> verdicts.forEach(v -> metrics.checkpoint(v.status(), v.reason(),
                        caller.carrierId())));
    }

    /** The shipments named and the eventIds used before, of the submissions the intake needs them for. */
    private Uni<Known> lookUp(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return Uni.createFrom().item(Known.nothing());
        }
        Set<String> shipmentIds = submissions.stream().map(Submission::shipmentId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> notInMemory = submissions.stream().map(s -> s.report().eventId())
                .filter(id -> recent.find(id).isEmpty()).collect(Collectors.toSet());
        return Panache.withSession(() -> shipments.findAllById(shipmentIds)
                .chain(found -> checkpoints.findAllById(notInMemory).map(stored -> {
                    Map<String, Shipment> byId = found.stream().map(ShipmentEntity::toShipment)
                            .collect(Collectors.toMap(Shipment::shipmentId, Function.identity()));
                    Map<UUID, CheckpointFingerprint> storedById = stored.stream()
                            .collect(Collectors.toMap(CheckpointEntity::eventId, CheckpointEntity::fingerprint));
                    return new Known(byId, eventId -> recent.find(eventId)
                            .or(() -> Optional.ofNullable(storedById.get(eventId))));
                })));
    }

    /** Produces every ACCEPTED event and waits for all acknowledgements; any missing one fails the call (503). */
    private Uni<List<Verdict>> publish(Caller caller, List<Verdict> verdicts) {
        List<Verdict> toSend = verdicts.stream().filter(v -> v.status() == ReceiptStatus.ACCEPTED).toList();
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(verdicts);
        }
        AtomicInteger acknowledged = new AtomicInteger();
        List<Uni<Void>> sends = toSend.stream()
                .map(v -> publisher.publish(v.event()).invoke(() -> {
                    // remembered as soon as acknowledged: a retry of a half-acknowledged batch sees DUPLICATE
                    recent.remember(v.event().eventId(), v.fingerprint());
                    acknowledged.incrementAndGet();
                }))
                .toList();
        return acknowledgements.all(sends).replaceWith(verdicts)
                .onFailure(BrokerUnavailableException.class).transform(failure -> {
                    BrokerUnavailableException cause = (BrokerUnavailableException) failure;
                    int unacknowledged = toSend.size() - acknowledged.get();
                    metrics.checkpointsUnavailable(unacknowledged, caller.carrierId());
                    return new BrokerUnavailableException(cause.problem().detail() + "; " + acknowledged.get()
                            + " of " + toSend.size() + " events acknowledged. Send them again: acknowledged ones"
                            + " answer DUPLICATE", cause.retryAfter(), cause.getCause());
                });
    }
}
