package io.borderflow.alerts.domain;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;

/** Which series (or shipments) a rule applies to; a null matcher matches everything. */
public record Scope(String crossingId, Direction direction, LaneType laneType, String carrierId) {

    public static final Scope ALL = new Scope(null, null, null, null);

    public boolean matches(String crossing, Direction dir, LaneType lane, String carrier) {
        return (crossingId == null || crossingId.equals(crossing))
                && (direction == null || direction == dir)
                && (laneType == null || laneType == lane)
                && (carrierId == null || carrierId.equals(carrier));
    }
}
