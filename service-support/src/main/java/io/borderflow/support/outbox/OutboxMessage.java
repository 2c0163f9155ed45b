package io.borderflow.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka record as it will be produced: topic, key, the value's bytes and the headers, in order. The relay adds
 * nothing of its own, so what a service appends is exactly what its consumers read.
 */
public record OutboxMessage(String topic, String key, byte[] value, List<Header> headers) {

    /** A Kafka record header; the same name may appear more than once, as in Kafka. */
    public record Header(String name, byte[] value) {

        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        // the key is what the order is kept for: a record without one would have no order to keep
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        headers = List.copyOf(headers);
    }

    /** A record whose value is text (JSON events), without headers. */
    public static OutboxMessage of(String topic, String key, String value) {
        return new OutboxMessage(topic, key, value.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** This record with one more header, a text value. */
    public OutboxMessage withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value.getBytes(StandardCharsets.UTF_8)));
        return new OutboxMessage(topic, key, this.value, more);
    }
}
