package io.borderflow.ingest.domain.geofence;

/**
 * What the rules remember about one shipment's truck between pings (stored per shipment, as JSON).
 *
 * @param last     the latest ping used; older or equal pings are ignored (duplicates, late arrivals)
 * @param runStart the first of the pings, up to {@code last}, that all lie in {@code last.stage()}
 * @param before   the ping before that run (null if the run began with the first ping)
 * @param reached  the furthest stage confirmed (a run of at least the minimum dwell); never goes back
 */
public record CrossingProgress(Fix last, Fix runStart, Fix before, Stage reached) {

    public static final CrossingProgress NEW = new CrossingProgress(null, null, null, Stage.OUTSIDE);

    /** Past the exit: no later ping changes anything. */
    public boolean exited() {
        return reached == Stage.BEYOND;
    }
}
