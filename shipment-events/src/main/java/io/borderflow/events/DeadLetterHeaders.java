package io.borderflow.events;

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

    private DeadLetterHeaders() {
    }
}
