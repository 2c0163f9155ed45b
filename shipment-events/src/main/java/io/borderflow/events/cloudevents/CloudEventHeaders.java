package io.borderflow.events.cloudevents;

import io.borderflow.events.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of BorderFlow's records, as the Kafka protocol binding's binary mode carries them:
 * one header per attribute, the body is the event's JSON unchanged. So a CloudEvents consumer (Knative, an Event
 * Grid bridge, the SDKs' Kafka binding) reads every topic without a BorderFlow library.
 *
 * <ul>
 * <li>{@code ce_id}: the event's {@code eventId} — a repeat of the same fact has the same id, as CloudEvents
 * intends for deduplication;</li>
 * <li>{@code ce_source}: {@code /borderflow/<service>}, the service that produced the record;</li>
 * <li>{@code ce_type}: {@code mx.borderflow.<EventRecord>.v<schemaVersion>}, e.g.
 * {@code mx.borderflow.CheckpointRecorded.v1} — the record's class name in shipment-events and its schema
 * version;</li>
 * <li>{@code ce_time}: the event's {@code occurredAt} (RFC 3339, UTC).</li>
 * </ul>
 *
 * A dead-letter record keeps the attributes its original carried; one whose original had none and cannot be read
 * as an event is a {@value #DEAD_LETTER_TYPE} identified by where it came from ({@link #deadLetter}).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    /** The binding maps {@code datacontenttype} to Kafka's plain {@code content-type} header, without prefix. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    static final String TYPE_PREFIX = "mx.borderflow.";
    public static final String DEAD_LETTER_TYPE = TYPE_PREFIX + "DeadLetter.v1";
    private static final String BINARY = "application/octet-stream";

    private CloudEventHeaders() {
    }

    /** {@code ce_source} of a service's records. */
    public static String source(String service) {
        return "/borderflow/" + service;
    }

    /** {@code ce_type} of an event. */
    public static String type(Event event) {
        return TYPE_PREFIX + event.getClass().getSimpleName() + ".v" + event.schemaVersion();
    }

    /** Whether the headers already carry a CloudEvent's id. */
    public static boolean present(Headers headers) {
        return headers.lastHeader(ID) != null;
    }

    /** {@code original}'s headers in their order, without CloudEvents attributes, then the event's. */
    public static Headers of(Event event, String source, Headers original) {
        Headers headers = withoutAttributes(original);
        add(headers, SPEC_VERSION, VERSION_1_0);
        add(headers, ID, event.eventId().toString());
        add(headers, SOURCE, source);
        add(headers, TYPE, type(event));
        add(headers, TIME, event.occurredAt().toString());
        add(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * A dead letter that is no readable event: its id is where the original was read ({@code topic/partition/offset},
     * from the dead-letter headers), so dead-lettering the same record twice gives the same id; its time is now.
     */
    public static Headers deadLetter(String id, String source, Instant deadLetteredAt, Headers original) {
        Headers headers = withoutAttributes(original);
        add(headers, SPEC_VERSION, VERSION_1_0);
        add(headers, ID, id);
        add(headers, SOURCE, source);
        add(headers, TYPE, DEAD_LETTER_TYPE);
        add(headers, TIME, deadLetteredAt.toString());
        add(headers, CONTENT_TYPE, BINARY);
        return headers;
    }

    /** A text header's value, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // a copy: Kafka Streams hands every sink of one input record the same Headers instance
    private static Headers withoutAttributes(Headers original) {
        RecordHeaders copy = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                if (!header.key().startsWith("ce_") && !header.key().equals(CONTENT_TYPE)) {
                    copy.add(header);
                }
            }
        }
        return copy;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
