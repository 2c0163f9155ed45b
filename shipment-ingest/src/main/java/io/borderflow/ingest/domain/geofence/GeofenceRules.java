package io.borderflow.ingest.domain.geofence;

import java.time.Duration;

/**
 * How GPS pings are judged against the geofences. The defaults are the {@code DEFAULT_*} constants, which
 * {@code config/IngestConfig} names too, so the service and the Quarkus-free tests use the same values.
 *
 * @param minDwell          a truck counts as in a zone (or past the exit) once its pings stay there this long:
 *                          a single stray ping or a corner clipped in passing changes nothing
 * @param edgeMarginMeters  hysteresis at every zone edge: a truck enters a zone only this far inside it and leaves
 *                          it only this far outside, so GPS jitter around an edge does not flap
 * @param maxAccuracyMeters pings whose reported accuracy is worse (larger) than this are ignored
 * @param gap               when the pings before and after a zone edge are this far apart, the crossing time of the
 *                          edge is interpolated between them instead of taking the later ping's time
 */
public record GeofenceRules(Duration minDwell, double edgeMarginMeters, double maxAccuracyMeters, Duration gap) {

    public static final String DEFAULT_MIN_DWELL = "PT60S";
    public static final String DEFAULT_EDGE_MARGIN_METERS = "25";
    public static final String DEFAULT_MAX_ACCURACY_METERS = "100";
    public static final String DEFAULT_GAP = "PT10M";

    public static final GeofenceRules DEFAULTS = new GeofenceRules(Duration.parse(DEFAULT_MIN_DWELL),
            Double.parseDouble(DEFAULT_EDGE_MARGIN_METERS), Double.parseDouble(DEFAULT_MAX_ACCURACY_METERS),
            Duration.parse(DEFAULT_GAP));
}
