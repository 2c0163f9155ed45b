package io.borderflow.analyzer.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A series and the start of one of its 5-minute bins. */
@Embeddable
public class DelayBinId implements Serializable {

    @Column(name = "crossing_id")
    private String crossingId;
    @Column(name = "direction")
    private String direction;
    @Column(name = "lane_type")
    private String laneType;
    @Column(name = "bin_start")
    private Instant binStart;

    protected DelayBinId() {
    }

    public String crossingId() {
        return crossingId;
    }

    public String direction() {
        return direction;
    }

    public String laneType() {
        return laneType;
    }

    public Instant binStart() {
        return binStart;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DelayBinId id && crossingId.equals(id.crossingId) && direction.equals(id.direction)
                && laneType.equals(id.laneType) && binStart.equals(id.binStart);
    }

    @Override
    public int hashCode() {
        return Objects.hash(crossingId, direction, laneType, binStart);
    }
}
