package io.borderflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * CBP's reported commercial wait for one series (CBP reports northbound only), as its Border Wait Times feed
 * says at one reading: an officer's estimate of the wait to reach primary inspection, entered about hourly. A
 * signal to compare the measured wait with, never a measured sample. Unknown numbers are null, never 0.
 *
 * @param occurredAt     when the officer updated the reading ({@code updatedAt}), else when the feed said it was
 *                       generated
 * @param portNumber     the crossing's 6-digit number in the feed
 * @param waitMinutes    the reported wait; null unless {@code status} is {@link ReportedStatus#NO_DELAY} or
 *                       {@link ReportedStatus#DELAY}
 * @param lanesOpen      lanes of this type open; null when not reported
 * @param maximumLanes   the port's commercial lanes at most; null when the feed says "N/A"
 * @param portOpen       false when the feed's {@code port_status} is "Closed": the port is outside its hours,
 *                       while its lanes may still show the last reading of the day
 * @param updatedAt      the officer's update time, in the port's own zone and DST as the feed gives it; null when
 *                       the feed gives none
 */
public record BorderWaitReported(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String crossingId,
        Direction direction,
        LaneType laneType,
        String portNumber,
        ReportedStatus status,
        Integer waitMinutes,
        Integer lanesOpen,
        Integer maximumLanes,
        boolean portOpen,
        Instant updatedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public BorderWaitReported {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.text(portNumber, "portNumber");
        Required.field(status, "status");
    }

    /** A reading, with its eventId derived from what it says and when: the same reading read again is the same event. */
    public static BorderWaitReported of(Instant occurredAt, SeriesKey series, String portNumber, ReportedStatus status,
            Integer waitMinutes, Integer lanesOpen, Integer maximumLanes, boolean portOpen, Instant updatedAt) {
        String reading = String.join("|", series.toString(), portNumber, Required.field(status, "status").name(), String.valueOf(waitMinutes),
                String.valueOf(lanesOpen), String.valueOf(maximumLanes), String.valueOf(portOpen),
                String.valueOf(updatedAt), String.valueOf(occurredAt));
        return new BorderWaitReported(UUID.nameUUIDFromBytes(reading.getBytes(StandardCharsets.UTF_8)), occurredAt,
                SCHEMA_VERSION, series.crossingId(), series.direction(), series.laneType(), portNumber, status,
                waitMinutes, lanesOpen, maximumLanes, portOpen, updatedAt);
    }

    public SeriesKey series() {
        return new SeriesKey(crossingId, direction, laneType);
    }

    /**
     * Whether it says the same as another reading: the feed repeats an hourly reading in every poll, and a reading
     * without an officer's time (UNKNOWN) takes the feed's time, which moves with every poll.
     */
    public boolean sameReading(BorderWaitReported other) {
        return other != null && series().equals(other.series()) && fingerprint().equals(other.fingerprint());
    }

    /** What the reading says (port, status, wait, lanes, port open, officer's time) as text: equal when the same. */
    public String fingerprint() {
        return String.join("|", portNumber, status.name(), String.valueOf(waitMinutes), String.valueOf(lanesOpen),
                String.valueOf(maximumLanes), String.valueOf(portOpen), String.valueOf(updatedAt));
    }
}
