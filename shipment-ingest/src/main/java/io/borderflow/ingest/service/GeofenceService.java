package io.borderflow.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.PositionReported;
import io.borderflow.events.Topics;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.serde.EventJson;
import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.Timestamps;
import io.borderflow.ingest.domain.geofence.CrossingGeofence;
import io.borderflow.ingest.domain.geofence.CrossingProgress;
import io.borderflow.ingest.domain.geofence.DerivedCheckpoint;
import io.borderflow.ingest.domain.geofence.GeofenceRules;
import io.borderflow.ingest.domain.geofence.Ping;
import io.borderflow.ingest.domain.geofence.ZoneTracker;
import io.borderflow.ingest.repository.GeofenceProgressRepository;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geofence derivation of one position: in one transaction, reads the shipment's progress, lets
 * {@link ZoneTracker} judge the ping, stores the new progress and appends each derived checkpoint to the outbox for
 * checkpoints.v1 — so a checkpoint is published if and only if the progress that derived it was stored, and a
 * redelivered position (not later than the last used) derives nothing again.
 */
@ApplicationScoped
public class GeofenceService {

    private final ObjectMapper json = EventJson.mapper();
    private final Map<String, CrossingGeofence> fences = new HashMap<>();
    private final GeofenceRules rules;
    private final GeofenceProgressRepository progress;
    private final Outbox outbox;
    private final IngestMetrics metrics;

    public GeofenceService(CrossingGeofences geofences, IngestConfig config, GeofenceProgressRepository progress,
            Outbox outbox, IngestMetrics metrics) {
        geofences.all().forEach(zones -> fences.put(key(zones.crossingId(), zones.direction().name()),
                new CrossingGeofence(zones)));
        this.rules = config.geofence().rules();
        this.progress = progress;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public Uni<Void> derive(PositionReported position) {
        CrossingGeofence fence = fences.get(key(position.crossingId(), position.direction().name()));
        if (fence == null) {
            metrics.geofencePing("no-geofence");
            return Uni.createFrom().voidItem();
        }
        Ping ping = new Ping(position.occurredAt(), position.location(), position.accuracyMeters());
        return Panache.withTransaction(() -> progress.find(position.shipmentId()).chain(stored -> {
            CrossingProgress before = stored == null ? CrossingProgress.NEW : read(stored);
            ZoneTracker.Step step = ZoneTracker.next(before, ping, fence, rules);
            metrics.geofencePing(step.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (step.outcome() != ZoneTracker.Outcome.USED) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Timestamps.now();
            return progress.save(position.shipmentId(), write(step.progress()), now)
                    .chain(() -> append(step.derived(), position, now));
        }));
    }

    private Uni<Void> append(List<DerivedCheckpoint> derived, PositionReported trigger, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DerivedCheckpoint checkpoint : derived) {
            CheckpointRecorded event = checkpoint.recorded(trigger, now);
            chain = chain.chain(() -> outbox.append(new OutboxMessage(Topics.CHECKPOINTS, event.shipmentId(),
                    bytes(event), List.of())))
                    .invoke(() -> metrics.geofenceCheckpoint(checkpoint.type().name()));
        }
        return chain;
    }

    private CrossingProgress read(String stored) {
        try {
            return json.readValue(stored, CrossingProgress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable geofence progress: " + e.getOriginalMessage(), e);
        }
    }

    private String write(CrossingProgress value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write geofence progress", e);
        }
    }

    private byte[] bytes(CheckpointRecorded event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.eventId(), e);
        }
    }

    private static String key(String crossingId, String direction) {
        return crossingId + "/" + direction;
    }
}
