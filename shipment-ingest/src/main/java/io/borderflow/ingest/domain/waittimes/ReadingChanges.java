package io.borderflow.ingest.domain.waittimes;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.SeriesKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest reading recorded per series, as this replica knows it: the feed repeats an hourly reading in every
 * poll, and only the rest needs to reach the database. A reading counts only once recorded ({@link #published}).
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
