package io.borderflow.ingest.domain.waittimes;

import io.borderflow.events.BorderWaitReported;
import java.util.List;

/** A reading as one line, so tests compare whole feeds against a table: {@code crossing/LANE STATUS ...}. */
final class Readings {

    static String line(BorderWaitReported r) {
        return r.crossingId() + "/" + r.laneType() + " " + r.status() + " wait=" + r.waitMinutes()
                + " lanes=" + r.lanesOpen() + "/" + r.maximumLanes() + " port=" + (r.portOpen() ? "open" : "closed")
                + " updated=" + r.updatedAt() + " at=" + r.occurredAt();
    }

    static List<String> lines(BorderWaitFeed feed) {
        return feed.readings().stream().map(Readings::line).toList();
    }

    private Readings() {
    }
}
