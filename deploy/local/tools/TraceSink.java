import com.sun.net.httpserver.HttpServer;
import io.borderflow.testsupport.OtlpReceiver;
import io.borderflow.testsupport.OtlpReceiver.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Where the smoke test's stack sends its traces and its webhook requests: test-support's OTLP/HTTP receiver and a
 * webhook endpoint that answers 200, each on a free port. Writes, into DIR, {@code endpoints} (lines {@code otlp=URL},
 * {@code webhook=URL}, once both listen), {@code spans} (one line per span: trace id, span id, parent id, service,
 * kind, name) and {@code hooks} (the {@code traceparent} of each webhook request, {@code -} when it had none).
 * SmokeCheck's {@code trace} command reads them. Runs until killed.
 *
 * usage: java -cp test-support.jar TraceSink.java DIR
 */
public class TraceSink {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        OtlpReceiver collector = OtlpReceiver.start();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                append(dir.resolve("hooks"), List.of(traceparent == null ? "-" : traceparent));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        webhook.start();
        Path endpoints = dir.resolve("endpoints");
        Path written = dir.resolve("endpoints.tmp");
        Files.writeString(written, "otlp=" + collector.endpoint() + "\nwebhook=http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook\n");
        // whoever waits for the file reads both lines or none
        Files.move(written, endpoints, StandardCopyOption.ATOMIC_MOVE);
        int reported = 0;
        while (true) {
            List<Span> spans = collector.spans();
            append(dir.resolve("spans"), spans.subList(reported, spans.size()).stream()
                    .map(s -> String.join(" ", s.traceId(), s.spanId(), s.parentSpanId().isEmpty() ? "-" : s.parentSpanId(),
                            s.service(), s.kind().name(), s.name().replace(' ', '_')))
                    .toList());
            reported = spans.size();
            Thread.sleep(250);
        }
    }

    private static synchronized void append(Path file, List<String> lines) throws IOException {
        if (!lines.isEmpty()) {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
