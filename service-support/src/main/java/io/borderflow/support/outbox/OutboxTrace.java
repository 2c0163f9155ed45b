package io.borderflow.support.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trace an outbox record was appended in, kept in its row until the relay sends it. The relay runs later, on a
 * timer, in no trace of its own: without this the record would start a new trace, and a checkpoint's or an alert's
 * trace would end at the database. Kept as W3C trace context under {@value #PREFIX}-prefixed header names that the
 * relay takes off again, so the record's own headers stay exactly as appended.
 */
final class OutboxTrace {

    static final String PREFIX = "outbox-";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private OutboxTrace() {
    }

    /** The message with the current trace context, when a span is current (tracing on and inside a trace). */
    static OutboxMessage keep(OutboxMessage message) {
        if (!Span.current().getSpanContext().isValid()) {
            return message;
        }
        Map<String, String> context = new HashMap<>();
        W3C.inject(Context.current(), context, Map::put);
        OutboxMessage kept = message;
        for (Map.Entry<String, String> field : context.entrySet()) {
            kept = kept.withHeader(PREFIX + field.getKey(), field.getValue());
        }
        return kept;
    }

    static boolean isTrace(OutboxMessage.Header header) {
        return W3C.fields().stream().anyMatch(field -> header.name().equals(PREFIX + field));
    }

    /** The trace the message was appended in, if it was. */
    static Optional<Context> of(OutboxMessage message) {
        Map<String, String> context = new HashMap<>();
        message.headers().stream().filter(OutboxTrace::isTrace).forEach(header -> context.put(
                header.name().substring(PREFIX.length()), new String(header.value(), StandardCharsets.UTF_8)));
        if (context.isEmpty()) {
            return Optional.empty();
        }
        Context extracted = W3C.extract(Context.root(), context, MAP);
        return Span.fromContext(extracted).getSpanContext().isValid() ? Optional.of(extracted) : Optional.empty();
    }
}
