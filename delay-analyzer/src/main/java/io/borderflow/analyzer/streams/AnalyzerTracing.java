package io.borderflow.analyzer.streams;

import io.borderflow.events.Topics;
import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The analyzer's hops in a checkpoint's trace. Kafka Streams has no OpenTelemetry instrumentation, so the topology
 * makes its spans itself: processing a checkpoint continues the record's {@code traceparent} (a child of ingest's
 * producer span) and the records it causes carry that span on; a series publication sums many checkpoints, so it is a
 * trace of its own that links to theirs rather than pretending one of them is its parent. With tracing off (no
 * {@code BORDERFLOW_OTLP_ENDPOINT}) the tracer is a no-op and headers pass unchanged.
 */
@ApplicationScoped
public class AnalyzerTracing {

    private final Tracer tracer;

    public AnalyzerTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No spans at all, as when no endpoint is set: for topologies built outside CDI. */
    public static AnalyzerTracing off() {
        return new AnalyzerTracing(OpenTelemetry.noop().getTracer("delay-analyzer"));
    }

    /** Processing one checkpoints.v1 record, in the trace its headers carry (a new one if they carry none). */
    Span processing(Headers headers) {
        var builder = tracer.spanBuilder(Topics.CHECKPOINTS + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", Topics.CHECKPOINTS);
        TraceContexts.of(fields(headers)).ifPresentOrElse(builder::setParent, builder::setNoParent);
        return builder.startSpan();
    }

    /** Publishing a series' statistics: its own trace, linked to the changes that moved it. */
    Span publication(String series, Collection<SpanContext> changes) {
        var builder = tracer.spanBuilder(Topics.CROSSING_DELAYS + " publish").setSpanKind(SpanKind.PRODUCER)
                .setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", Topics.CROSSING_DELAYS)
                .setAttribute("borderflow.series", series);
        changes.forEach(builder::addLink);
        return builder.startSpan();
    }

    /** The span context a record's headers carry, if valid. */
    static Optional<SpanContext> carried(Headers headers) {
        return TraceContexts.of(fields(headers)).map(context -> Span.fromContext(context).getSpanContext());
    }

    /** Replaces the record's trace headers with {@code span}'s context; leaves them as they are when it is a no-op span. */
    static void carry(Span span, Headers headers) {
        Map<String, String> fields = TraceContexts.fields(Context.root().with(span));
        if (fields.isEmpty()) {
            return;
        }
        TraceContexts.names().forEach(headers::remove);
        fields.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> fields(Headers headers) {
        Map<String, String> fields = new HashMap<>();
        for (String name : TraceContexts.names()) {
            Header header = headers.lastHeader(name);
            if (header != null && header.value() != null) {
                fields.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
