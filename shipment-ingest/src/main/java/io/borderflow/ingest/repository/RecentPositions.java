package io.borderflow.ingest.repository;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.PositionFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The positions (by eventId: shipment and time) this instance saw acknowledged lately, so a repeat is answered
 * DUPLICATE and not published again. Bounded like {@link RecentEvents}; a repeat it forgot, or one sent to another
 * instance, is published again, and the geofence derivation ignores it (a ping not later than the last one used).
 */
@ApplicationScoped
public class RecentPositions {

    private final Map<UUID, PositionFingerprint> accepted;

    @Inject
    public RecentPositions(IngestConfig config) {
        this(config.recentEventsCapacity());
    }

    RecentPositions(int capacity) {
        this.accepted = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, PositionFingerprint> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(UUID eventId, PositionFingerprint fingerprint) {
        accepted.put(eventId, fingerprint);
    }

    public synchronized Optional<PositionFingerprint> find(UUID eventId) {
        return Optional.ofNullable(accepted.get(eventId));
    }
}
