package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.util.List;

/** Hour-of-week medians in the crossing's own time zone: the "best time to cross". */
public record ProfileView(String crossingId, String timeZone, List<Series> series) {

    public record Series(Direction direction, LaneType laneType, List<HourOfWeekProfile.Hour> hours) {
    }
}
