package io.borderflow.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trace context as W3C Trace Context fields ({@code traceparent}, {@code tracestate}), for work that leaves the
 * trace it belongs to and resumes later from a database row: the outbox relay, the notification worker.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

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

    private TraceContexts() {
    }

    /** The fields of the current span's context; empty when no span is current (tracing off or outside a trace). */
    public static Map<String, String> current() {
        return fields(Context.current());
    }

    /** The fields that describe {@code context}; empty when it holds no valid span. */
    public static Map<String, String> fields(Context context) {
        Map<String, String> fields = new HashMap<>();
        if (Span.fromContext(context).getSpanContext().isValid()) {
            W3C.inject(context, fields, Map::put);
        }
        return fields;
    }

    /** The (remote) context those fields describe, if they describe one. */
    public static Optional<Context> of(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Context context = W3C.extract(Context.root(), fields, MAP);
        return Span.fromContext(context).getSpanContext().isValid() ? Optional.of(context) : Optional.empty();
    }

    /** The context a {@code traceparent} value describes, if it is one. */
    public static Optional<Context> ofTraceparent(String traceparent) {
        return traceparent == null ? Optional.empty() : of(Map.of(TRACEPARENT, traceparent));
    }

    /** The field names, as headers carry them. */
    public static Iterable<String> names() {
        return W3C.fields();
    }
}
