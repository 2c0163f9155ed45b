package io.borderflow.analyzer.repository;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One persisted 5-minute bin of a series: its latest statistics within the bin. Read-only here. */
@Entity
@Table(name = "delay_bin", schema = "analyzer")
public class DelayBin {

    @EmbeddedId
    private DelayBinId id;
    @Column(name = "as_of")
    private Instant asOf;
    private boolean stale;
    @Column(name = "live_wait_minutes")
    private Double liveWaitMinutes;
    @Column(name = "wait_p50_minutes")
    private Double waitP50Minutes;
    @Column(name = "crossing_p50_minutes")
    private Double crossingP50Minutes;
    @Column(name = "crossing_p95_minutes")
    private Double crossingP95Minutes;
    @Column(name = "queued_now")
    private int queuedNow;
    private int samples;

    protected DelayBin() {
    }

    public DelayBinId id() {
        return id;
    }

    public Instant asOf() {
        return asOf;
    }

    public boolean stale() {
        return stale;
    }

    public Double liveWaitMinutes() {
        return liveWaitMinutes;
    }

    public Double waitP50Minutes() {
        return waitP50Minutes;
    }

    public Double crossingP50Minutes() {
        return crossingP50Minutes;
    }

    public Double crossingP95Minutes() {
        return crossingP95Minutes;
    }

    public int queuedNow() {
        return queuedNow;
    }

    public int samples() {
        return samples;
    }
}
