package io.borderflow.alerts.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The on-call end of the notifications, for real: an HTTP server with a webhook path and a PagerDuty
 * Events v2 path (JDK {@code HttpServer}), and an SMTP server (GreenMail). Answers 200 (webhook) or 202
 * (PagerDuty) unless a script says otherwise for requests whose body contains a marker.
 */
public final class Receivers implements AutoCloseable {

    public static final String WEBHOOK_PATH = "/hook";
    public static final String PAGERDUTY_PATH = "/v2/enqueue";

    /** One request as received, with the status it was answered with. */
    public record Received(String path, Map<String, String> headers, String body, int status) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer http;
    private final GreenMail smtp;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new LinkedHashMap<>();

    private Receivers(HttpServer http, GreenMail smtp) {
        this.http = http;
        this.smtp = smtp;
    }

    public static Receivers start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newFixedThreadPool(4));
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Receivers receivers = new Receivers(http, smtp);
            http.createContext("/", receivers::handle);
            http.start();
            return receivers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** Requests whose body contains {@code marker} are answered with these statuses, one each, then normally. */
    public synchronized void script(String marker, Integer... statuses) {
        scripts.put(marker, new ArrayDeque<>(List.of(statuses)));
    }

    /** Sets the test's {@link InjectReceivers} field to these receivers (for the test resources that start them). */
    public void injectInto(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectReceivers.class, Receivers.class));
    }

    /** Every request so far, in the order received. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    public List<Received> requests(String path, String bodyContains) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(bodyContains)).toList();
    }

    public List<MimeMessage> emails() {
        return List.of(smtp.getReceivedMessages());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        String path = exchange.getRequestURI().getPath();
        int status = statusFor(body, path.equals(PAGERDUTY_PATH) ? 202 : 200);
        received.add(new Received(path, headers, body, status));
        byte[] answer = (status < 300 ? "{\"status\":\"success\"}" : "{\"status\":\"error\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private synchronized int statusFor(String body, int normal) {
        for (Map.Entry<String, Deque<Integer>> script : new ArrayList<>(scripts.entrySet())) {
            if (body.contains(script.getKey()) && !script.getValue().isEmpty()) {
                return script.getValue().poll();
            }
        }
        return normal;
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
