package io.borderflow.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a dead-lettered record, named as SmallRye Reactive Messaging's dead-letter-queue names
 * them (ingest and alert-service use its strategy; the analyzer writes them itself), so every BorderFlow DLQ reads
 * the same way.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    /** Why the record was set aside: a short reason and its cause (the reason again when there is none). */
    public static void addReason(Headers headers, String reason, String cause) {
        headers.add(REASON, bytes(reason));
        headers.add(CAUSE, bytes(cause == null ? reason : cause));
    }

    /** Where the record was read. */
    public static void addOrigin(Headers headers, String topic, int partition, long offset) {
        headers.add(TOPIC, bytes(topic));
        headers.add(PARTITION, bytes(Integer.toString(partition)));
        headers.add(OFFSET, bytes(Long.toString(offset)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private DeadLetterHeaders() {
    }
}
