package io.borderflow.simulator.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Simulated time. A run starts {@code history} in the past and replays it {@code speed} times faster than
 * real time until it has caught up with now, then runs in real time: event times are compressed, never in
 * the future (the API refuses those) and never older than the API's seven days.
 */
public final class SimulationClock {

    /** The API refuses checkpoints older than seven days; late and repeated deliveries need a margin. */
    public static final Duration MAX_HISTORY = Duration.ofDays(6).plusHours(12);

    private final Supplier<Instant> wall;
    private final Instant wallStart;
    private final Instant start;
    private final double speed;

    public SimulationClock(Duration history, double speed, Supplier<Instant> wall) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1 (real time): " + speed);
        }
        if (history.isNegative() || history.compareTo(MAX_HISTORY) > 0) {
            throw new IllegalArgumentException("history must be within 0 and " + MAX_HISTORY.toHours() + " h");
        }
        this.wall = wall;
        this.wallStart = wall.get();
        this.start = wallStart.minus(history);
        this.speed = speed;
    }

    /** The simulated instant the run started from. */
    public Instant start() {
        return start;
    }

    public Instant now() {
        return at(wall.get());
    }

    /** How far simulated time is behind real time. */
    public Duration behind() {
        Instant wallNow = wall.get();
        return Duration.between(at(wallNow), wallNow);
    }

    private Instant at(Instant wallNow) {
        long elapsedMillis = Duration.between(wallStart, wallNow).toMillis();
        Instant simulated = start.plusMillis((long) (elapsedMillis * speed));
        return simulated.isAfter(wallNow) ? wallNow : simulated;
    }

    public boolean caughtUp() {
        return behind().isZero();
    }

    public double speed() {
        return speed;
    }

    public Instant wallNow() {
        return wall.get();
    }
}
