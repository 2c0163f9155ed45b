package io.borderflow.ingest.service;

import io.borderflow.ingest.config.CbpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the Border Wait Times feed with a conditional GET (the validators of the last body that was read
 * successfully), connect and read deadlines, and a size cap that cuts a larger body off while it arrives.
 */
@ApplicationScoped
public class WaitTimesFeedClient {

    /** What a fetch brought: a body with its validators, or "not modified" (304). */
    public record Fetched(byte[] body, String etag, String lastModified) {

        public boolean notModified() {
            return body == null;
        }
    }

    /** The feed did not answer with a body we read: network, timeout, status, size. */
    public static class FeedUnavailable extends Exception {

        FeedUnavailable(String message) {
            super(message);
        }
    }

    private final CbpConfig config;
    private final HttpClient client;

    public WaitTimesFeedClient(CbpConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @param previous the last body read successfully, whose validators make this GET conditional; or null */
    public Fetched fetch(Fetched previous) throws FeedUnavailable, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.feedUrl())
                .timeout(config.readTimeout())
                .header("Accept", "application/xml, text/xml")
                .header("User-Agent", "BorderFlow shipment-ingest");
        if (previous != null && previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous != null && previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        long cap = config.maxBodySize().asLongValue();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(),
                info -> info.statusCode() == 200 ? new CappedBody(cap) : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FeedUnavailable("no complete answer within " + config.readTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException io && io.getCause() != null ? io.getCause() : e.getCause();
            throw new FeedUnavailable(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        if (response.statusCode() == 304 && previous != null) {
            return new Fetched(null, previous.etag(), previous.lastModified());
        }
        if (response.statusCode() != 200) {
            throw new FeedUnavailable("HTTP " + response.statusCode());
        }
        return new Fetched(response.body(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    /** Collects a body up to a cap; past it, cancels the download and fails. */
    private static final class CappedBody implements BodySubscriber<byte[]> {

        private final long cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("body larger than " + cap + " bytes, cut off"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
