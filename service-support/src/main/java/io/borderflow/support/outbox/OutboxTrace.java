package io.borderflow.support.outbox;

import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The trace an outbox record was appended in, kept in its row until the relay sends it. The relay runs later, on a
 * timer, in no trace of its own: without this the record would start a new trace, and a checkpoint's or an alert's
 * trace would end at the database. Kept as W3C trace context under {@value #PREFIX}-prefixed header names that the
 * relay takes off again, so the record's own headers stay exactly as appended.
 */
final class OutboxTrace {

    static final String PREFIX = "outbox-";

    private OutboxTrace() {
    }

    /** The message with the current trace context, when a span is current. */
    static OutboxMessage keep(OutboxMessage message) {
        OutboxMessage kept = message;
        for (Map.Entry<String, String> field : TraceContexts.current().entrySet()) {
            kept = kept.withHeader(PREFIX + field.getKey(), field.getValue());
        }
        return kept;
    }

    static boolean isTrace(OutboxMessage.Header header) {
        return StreamSupport.stream(TraceContexts.names().spliterator(), false)
                .anyMatch(field -> header.name().equals(PREFIX + field));
    }

    /** The trace the message was appended in, if it was. */
    static Optional<Context> of(OutboxMessage message) {
        Map<String, String> fields = new HashMap<>();
        message.headers().stream().filter(OutboxTrace::isTrace).forEach(header -> fields.put(
                header.name().substring(PREFIX.length()), new String(header.value(), StandardCharsets.UTF_8)));
        return TraceContexts.of(fields);
    }
}
