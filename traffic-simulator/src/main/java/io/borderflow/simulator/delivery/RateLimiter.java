package io.borderflow.simulator.delivery;

/** At most {@code perSecond} events a second on average, with bursts of up to one second's worth. */
public final class RateLimiter {

    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public interface Ticker {
        long nanoTime();
    }

    private final double perSecond;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private double available;
    private long last;

    public RateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public RateLimiter(double perSecond, Ticker ticker, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.last = ticker.nanoTime();
        this.available = perSecond;
    }

    public static RateLimiter unlimited() {
        return new RateLimiter(Double.POSITIVE_INFINITY);
    }

    /** Waits until {@code events} may be sent. */
    public synchronized void acquire(int events) throws InterruptedException {
        if (Double.isInfinite(perSecond)) {
            return;
        }
        refill();
        available -= events;
        if (available < 0) {
            long waitNanos = (long) (-available / perSecond * 1e9);
            sleeper.sleepNanos(waitNanos);
            refill();
        }
    }

    private void refill() {
        long now = ticker.nanoTime();
        available = Math.min(perSecond, available + (now - last) / 1e9 * perSecond);
        last = now;
    }
}
