package io.borderflow.ingest.domain.waittimes;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.SeriesKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest reading published per series, to publish only what changed: the feed repeats an hourly reading in
 * every poll. A reading counts as published only once the broker acknowledged it ({@link #published}).
 */
public final class ReadingChanges {

    private final Map<SeriesKey, BorderWaitReported> latest = new HashMap<>();

    /** The readings that say something else than the latest published one of their series. */
    public synchronized List<BorderWaitReported> changed(List<BorderWaitReported> readings) {
        return readings.stream().filter(r -> !r.sameReading(latest.get(r.series()))).toList();
    }

    public synchronized void published(List<BorderWaitReported> readings) {
        readings.forEach(r -> latest.put(r.series(), r));
    }

    public synchronized int size() {
        return latest.size();
    }
}
