package io.borderflow.simulator.delivery;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a run and the progress line printed every few seconds. */
public final class Progress {

    final AtomicLong shipmentsRegistered = new AtomicLong();
    final AtomicLong shipmentsRejected = new AtomicLong();
    final AtomicLong checkpointsSent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong positionsSent = new AtomicLong();
    final AtomicLong positionsAccepted = new AtomicLong();
    final AtomicLong positionsDuplicate = new AtomicLong();
    final AtomicLong positionsRejected = new AtomicLong();
    private final Map<String, AtomicLong> rejectionsByReason = new ConcurrentHashMap<>();
    /** checkpoints ingest accepted per crossing: where the system should now show statistics */
    private final Map<String, AtomicLong> acceptedByCrossing = new ConcurrentHashMap<>();
    private final PrintStream out;
    private final Instant startedAt;
    private Instant lastPrintAt;
    private long lastSent;

    public Progress(PrintStream out, Instant startedAt) {
        this.out = out;
        this.startedAt = startedAt;
        this.lastPrintAt = startedAt;
    }

    void accepted(String crossingId) {
        accepted.incrementAndGet();
        acceptedByCrossing.computeIfAbsent(crossingId, k -> new AtomicLong()).incrementAndGet();
    }

    /** Prints a rejection reason the first time it is seen, so a misconfiguration shows at once. */
    void rejected(String reason) {
        AtomicLong count = rejectionsByReason.computeIfAbsent(reason == null ? "unknown" : reason, k -> new AtomicLong());
        if (count.getAndIncrement() == 0) {
            out.println("rejected (first of its kind): " + reason);
        }
    }

    void print(Instant wallNow, SimulationClock clock, int waiting) {
        long sent = checkpointsSent.get() + positionsSent.get() + shipmentsRegistered.get() + shipmentsRejected.get();
        double seconds = Math.max(0.001, Duration.between(lastPrintAt, wallNow).toMillis() / 1000.0);
        double rate = (sent - lastSent) / seconds;
        lastSent = sent;
        lastPrintAt = wallNow;
        String mode = clock.caughtUp() ? "live" : String.format("replay x%.0f, %s behind", clock.speed(), human(clock.behind()));
        out.printf("sim %s (%s) | shipments %d registered, %d rejected | checkpoints %d sent: %d accepted, "
                        + "%d duplicate, %d rejected, %d retried | %.1f events/s | %d waiting%n",
                clock.now().truncatedTo(ChronoUnit.MINUTES), mode, shipmentsRegistered.get(), shipmentsRejected.get(),
                checkpointsSent.get(), accepted.get(), duplicates.get(), rejected.get(), retried.get(), rate, waiting);
        if (positionsSent.get() > 0) {
            out.printf("    positions %d sent: %d accepted, %d duplicate, %d rejected%n", positionsSent.get(),
                    positionsAccepted.get(), positionsDuplicate.get(), positionsRejected.get());
        }
    }

    public void printSummary(Instant wallNow) {
        double seconds = Math.max(0.001, Duration.between(startedAt, wallNow).toMillis() / 1000.0);
        long sent = checkpointsSent.get() + positionsSent.get() + shipmentsRegistered.get() + shipmentsRejected.get();
        out.printf("done after %s: %d shipments registered (%d rejected), %d checkpoints sent (%d accepted, "
                        + "%d duplicate, %d rejected), %d not sent (shipment not registered), %.1f events/s on average%n",
                human(Duration.between(startedAt, wallNow)), shipmentsRegistered.get(), shipmentsRejected.get(),
                checkpointsSent.get(), accepted.get(), duplicates.get(), rejected.get(), skipped.get(), sent / seconds);
        if (positionsSent.get() > 0) {
            out.printf("  positions %d sent (%d accepted, %d duplicate, %d rejected)%n", positionsSent.get(),
                    positionsAccepted.get(), positionsDuplicate.get(), positionsRejected.get());
        }
        new TreeMap<>(rejectionsByReason).forEach((reason, count) -> out.printf("  rejected %d x %s%n", count.get(), reason));
    }

    public long shipmentsRegistered() {
        return shipmentsRegistered.get();
    }

    public long shipmentsRejected() {
        return shipmentsRejected.get();
    }

    public long checkpointsSent() {
        return checkpointsSent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejectedCheckpoints() {
        return rejected.get();
    }

    public long positionsSent() {
        return positionsSent.get();
    }

    public long positionsAccepted() {
        return positionsAccepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public Map<String, Long> acceptedByCrossing() {
        Map<String, Long> copy = new TreeMap<>();
        acceptedByCrossing.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + "s";
        }
        return minutes >= 60 ? (minutes / 60) + "h" + String.format("%02d", minutes % 60) + "m" : minutes + "m";
    }
}
