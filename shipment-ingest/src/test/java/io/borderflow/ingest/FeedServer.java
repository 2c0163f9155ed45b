package io.borderflow.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for CBP's feed: it serves whatever answer the test sets, honours
 * {@code If-None-Match} when the answer has an ETag, and records the requests it got.
 */
public final class FeedServer {

    /** One answer: status, body, optional ETag. */
    public record Answer(int status, byte[] body, String etag, String contentType) {

        public static Answer xml(byte[] body, String etag) {
            return new Answer(200, body, etag, "application/xml");
        }
    }

    /** What a request carried that matters here. */
    public record Request(String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(503, new byte[0], null, "text/plain"));
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/xml/bwt.xml", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/xml/bwt.xml";
    }

    public void answer(Answer next) {
        answer.set(next);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(new Request(ifNoneMatch, exchange.getRequestHeaders().getFirst("If-Modified-Since")));
            Answer current = answer.get();
            if (current.etag() != null) {
                exchange.getResponseHeaders().add("ETag", current.etag());
                if (current.etag().equals(ifNoneMatch)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", current.contentType());
            exchange.sendResponseHeaders(current.status(), current.body().length == 0 ? -1 : current.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(current.body());
            }
        }
    }

    void stop() {
        server.stop(0);
    }

    /** Starts the server and points the reader at it, polling every second with a short backoff. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private FeedServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = new FeedServer();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the feed server", e);
            }
            return Map.of(
                    "borderflow.cbp.enabled", "true",
                    "borderflow.cbp.feed-url", server.url(),
                    "borderflow.cbp.poll-interval", "1s",
                    "borderflow.cbp.backoff-initial", "1s",
                    "borderflow.cbp.backoff-max", "2s",
                    "borderflow.cbp.read-timeout", "3s",
                    "borderflow.cbp.max-body-size", "200K");
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(server,
                    new TestInjector.AnnotatedAndMatchesType(InjectFeedServer.class, FeedServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
