package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;

/**
 * POSTs JSON to a receiver without blocking, and classifies the outcome for the retry policy. Each request is a
 * client span of the trace current when it is made — the notification's, restored by {@link DeliveryWorker} — and
 * carries it to the receiver in {@code traceparent}. The span is ours rather than the Vert.x client's, whose
 * instrumentation would take its parent from whatever Vert.x context the request happens to be sent on.
 */
@ApplicationScoped
public class HttpPost {

    private final HttpClient client;
    private final long timeoutMillis;
    private final Tracer tracer;

    HttpPost(Vertx vertx, AlertsConfig config, Tracer tracer) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE));
        this.timeoutMillis = config.delivery().timeout().toMillis();
        this.tracer = tracer;
    }

    public Uni<DeliveryResult> json(String url, String body, Map<String, String> headers) {
        // the host only: a receiver's URL may carry a token in its path or query
        Span span = tracer.spanBuilder("POST " + URI.create(url).getHost()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST").setAttribute("server.address", URI.create(url).getHost())
                .startSpan();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setTimeout(timeoutMillis).putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "BorderFlow-alert-service");
        headers.forEach(options::putHeader);
        TraceContexts.fields(Context.current().with(span)).forEach(options::putHeader);
        return client.request(options)
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .flatMap(response -> response.body()
                        .map(responseBody -> DeliveryResult.ofHttpStatus(response.statusCode(), responseBody.toString())))
                .onFailure().recoverWithItem(failure -> new DeliveryResult.Retry(null,
                        failure.getClass().getSimpleName() + ": " + failure.getMessage()))
                .invoke(result -> {
                    if (!(result instanceof DeliveryResult.Delivered)) {
                        span.setStatus(StatusCode.ERROR);
                    }
                })
                .onTermination().invoke(span::end);
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
