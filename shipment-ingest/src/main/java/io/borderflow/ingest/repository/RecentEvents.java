package io.borderflow.ingest.repository;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.CheckpointFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The eventIds this instance saw acknowledged lately, so a repeat is answered DUPLICATE without publishing it
 * again, before the read model has consumed the original. Bounded: the least recently used are forgotten
 * first; past that, and across instances, the read model table is what knows an eventId. It lives beside
 * {@code CheckpointRepository} because it is the in-memory half of the same question: was this eventId seen?
 */
@ApplicationScoped
public class RecentEvents {

    private final Map<UUID, CheckpointFingerprint> accepted;

    @Inject
    public RecentEvents(IngestConfig config) {
        this(config.recentEventsCapacity());
    }

    RecentEvents(int capacity) {
        this.accepted = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, CheckpointFingerprint> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(UUID eventId, CheckpointFingerprint fingerprint) {
        accepted.put(eventId, fingerprint);
    }

    public synchronized Optional<CheckpointFingerprint> find(UUID eventId) {
        return Optional.ofNullable(accepted.get(eventId));
    }

    synchronized int size() {
        return accepted.size();
    }
}
