package io.borderflow.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.ingest.domain.CheckpointFingerprint;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static CheckpointFingerprint fingerprint(String shipmentId) {
        return new CheckpointFingerprint(shipmentId, CheckpointType.QUEUE_ENTERED,
                Instant.parse("2026-11-27T18:00:00.123456789Z"), CheckpointSource.RFID, null);
    }

    @Test
    void anAcceptedEventIsRememberedWithItsContent() {
        RecentEvents recent = new RecentEvents(10);
        UUID eventId = UUID.randomUUID();

        recent.remember(eventId, fingerprint("SHP-1"));

        assertThat(recent.find(eventId)).contains(fingerprint("SHP-1"));
        assertThat(recent.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedAreForgottenBeyondTheCapacity() {
        RecentEvents recent = new RecentEvents(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        recent.remember(first, fingerprint("SHP-1"));
        recent.remember(second, fingerprint("SHP-2"));
        recent.find(first);

        recent.remember(third, fingerprint("SHP-3"));

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.find(second)).isEmpty();
        assertThat(recent.find(first)).isPresent();
    }
}
