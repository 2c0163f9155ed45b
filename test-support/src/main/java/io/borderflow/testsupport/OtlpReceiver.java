package io.borderflow.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector for tests: an HTTP server that accepts OTLP/HTTP protobuf trace exports ({@code POST /v1/traces}) and
 * keeps the spans it was sent. It decodes only what tests look at — ids, parent, name, kind, links, string
 * attributes and the resource's {@code service.name} — from the OTLP wire format (opentelemetry-proto's
 * {@code ExportTraceServiceRequest}), so no generated classes are needed.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One span as exported; ids in lower-case hex as in {@code traceparent}. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
            List<Link> links, Map<String, String> attributes) {

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    /** A span's link to another span, perhaps of another trace. */
    public record Link(String traceId, String spanId) {
    }

    /** OTLP's {@code Span.SpanKind}, in its numbering. */
    public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** The base URL an exporter is configured with. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] request = body.readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                for (Wire resourceSpans : new Wire(request).messages(1)) {
                    readResourceSpans(resourceSpans);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    private void readResourceSpans(Wire resourceSpans) {
        String service = "";
        for (Wire resource : resourceSpans.messages(1)) {
            service = attributes(resource.messages(1)).getOrDefault("service.name", "");
        }
        for (Wire scopeSpans : resourceSpans.messages(2)) {
            for (Wire span : scopeSpans.messages(2)) {
                List<Link> links = new ArrayList<>();
                for (Wire link : span.messages(13)) {
                    links.add(new Link(link.hex(1), link.hex(2)));
                }
                spans.add(new Span(service, span.hex(1), span.hex(2), span.hex(4), span.text(5),
                        Kind.values()[(int) span.varint(6)], List.copyOf(links), attributes(span.messages(9))));
            }
        }
    }

    /** {@code KeyValue}s whose value is a string ({@code AnyValue.string_value}). */
    private static Map<String, String> attributes(List<Wire> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Wire keyValue : keyValues) {
            for (Wire value : keyValue.messages(2)) {
                if (value.has(1)) {
                    attributes.put(keyValue.text(1), value.text(1));
                }
            }
        }
        return attributes;
    }

    /** One protobuf message: its fields by number, each as the raw value of its wire type. */
    private static final class Wire {

        private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

        Wire(byte[] bytes) {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            while (in.available() > 0) {
                long tag = readVarint(in);
                int number = (int) (tag >>> 3);
                Object value = switch ((int) (tag & 7)) {
                    case 0 -> readVarint(in);
                    case 1 -> bytes(in, 8);
                    case 2 -> bytes(in, (int) readVarint(in));
                    case 5 -> bytes(in, 4);
                    default -> throw new IllegalArgumentException("unsupported protobuf wire type in tag " + tag);
                };
                fields.computeIfAbsent(number, n -> new ArrayList<>()).add(value);
            }
        }

        boolean has(int number) {
            return fields.containsKey(number);
        }

        List<Wire> messages(int number) {
            return fields.getOrDefault(number, List.of()).stream().map(bytes -> new Wire((byte[]) bytes)).toList();
        }

        String hex(int number) {
            return has(number) ? HexFormat.of().formatHex((byte[]) fields.get(number).get(0)) : "";
        }

        String text(int number) {
            return has(number) ? new String((byte[]) fields.get(number).get(0), java.nio.charset.StandardCharsets.UTF_8) : "";
        }

        long varint(int number) {
            return has(number) ? (Long) fields.get(number).get(0) : 0;
        }

        private static byte[] bytes(ByteArrayInputStream in, int length) {
            byte[] bytes = new byte[length];
            if (in.readNBytes(bytes, 0, length) != length) {
                throw new IllegalArgumentException("truncated protobuf field");
            }
            return bytes;
        }

        private static long readVarint(ByteArrayInputStream in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalArgumentException("truncated protobuf varint");
                }
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed protobuf varint");
        }
    }
}
