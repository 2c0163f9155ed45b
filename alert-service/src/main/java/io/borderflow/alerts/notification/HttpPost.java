package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** POSTs JSON to a receiver without blocking, and classifies the outcome for the retry policy. */
@ApplicationScoped
public class HttpPost {

    private final HttpClient client;
    private final long timeoutMillis;

    HttpPost(Vertx vertx, AlertsConfig config) {
        this.client = vertx.createHttpClient();
        this.timeoutMillis = config.delivery().timeout().toMillis();
    }

    public Uni<DeliveryResult> json(String url, String body, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setTimeout(timeoutMillis).putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "BorderFlow-alert-service");
        headers.forEach(options::putHeader);
        return client.request(options)
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .flatMap(response -> response.body()
                        .map(responseBody -> DeliveryResult.ofHttpStatus(response.statusCode(), responseBody.toString())))
                .onFailure().recoverWithItem(failure -> new DeliveryResult.Retry(null,
                        failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
