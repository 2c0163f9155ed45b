package io.borderflow.alerts.service;

import io.borderflow.alerts.repository.AlertGroupEntity;
import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * A routed group's flush in its alerts' traces. One flush tells of many alerts, later and from a timer, so it is a
 * trace of its own linked to the transitions that put each alert into the group (their {@code traceparent}, kept
 * on the member row) rather than a child of one of them. The notifications it plans keep the flush's context, so
 * each receiver's request is a span of the flush's trace. With tracing off the tracer is a no-op.
 */
@ApplicationScoped
public class GroupFlushTracing {

    private final Tracer tracer;

    GroupFlushTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The span of one flush that speaks, linked to the members' traces (the SDK keeps up to 128 links). */
    Span flush(AlertGroupEntity group, Collection<String> memberTraceparents) {
        var builder = tracer.spanBuilder("alert group flush").setSpanKind(SpanKind.INTERNAL).setNoParent()
                .setAttribute("borderflow.alert_group.key", group.groupKey)
                .setAttribute("borderflow.alert_group.receiver", group.receiver)
                .setAttribute("borderflow.alert_group.alerts", memberTraceparents.size());
        memberTraceparents.forEach(traceparent -> TraceContexts.ofTraceparent(traceparent)
                .ifPresent(context -> builder.addLink(Span.fromContext(context).getSpanContext())));
        return builder.startSpan();
    }
}
