package io.borderflow.events;

/**
 * One statistics series: a crossing in one direction for one lane type. Its text form
 * {@code crossingId/direction/laneType} is the key of {@link Topics#CROSSING_DELAYS}.
 */
public record SeriesKey(String crossingId, Direction direction, LaneType laneType) {

    public SeriesKey {
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
    }

    public static SeriesKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("series key must be crossingId/direction/laneType: " + text);
        }
        return new SeriesKey(parts[0], Direction.valueOf(parts[1]), LaneType.valueOf(parts[2]));
    }

    @Override
    public String toString() {
        return crossingId + "/" + direction + "/" + laneType;
    }
}
