package io.borderflow.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.simulator.traffic.Journey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several ingest instances: requests go to each in turn, and an instance that refuses connections is skipped. */
class IngestClientTest {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void spreadsRequestsOverTheInstancesInTurn() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        IngestClient client = new IngestClient(List.of(instance(first), instance(second)), Duration.ofSeconds(5));

        for (int i = 0; i < 6; i++) {
            assertThat(client.register("token", shipment(i)).get().status()).isEqualTo(IngestClient.Status.ACCEPTED);
        }

        assertThat(first.get()).isEqualTo(3);
        assertThat(second.get()).isEqualTo(3);
    }

    @Test
    void aRefusedInstanceIsSkippedSoNoRequestFails() throws Exception {
        AtomicInteger live = new AtomicInteger();
        IngestClient client = new IngestClient(List.of(closedPort(), instance(live)), Duration.ofSeconds(5));

        for (int i = 0; i < 4; i++) {
            assertThat(client.register("token", shipment(i)).get().status()).isEqualTo(IngestClient.Status.ACCEPTED);
        }

        assertThat(live.get()).isEqualTo(4);
    }

    @Test
    void whenEveryInstanceRefusesTheRequestIsToBeRetried() throws Exception {
        IngestClient client = new IngestClient(List.of(closedPort(), closedPort()), Duration.ofSeconds(5));

        IngestClient.Result result = client.register("token", shipment(1)).get();

        assertThat(result.status()).isEqualTo(IngestClient.Status.RETRY);
        assertThat(result.problem()).contains("ConnectException");
    }

    private URI instance(AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/shipments", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A loopback port nothing listens on. */
    private static URI closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static Journey.Shipment shipment(int n) {
        return new Journey.Shipment("S-" + n, "carrier-a", "laredo-world-trade-bridge", Direction.NORTHBOUND,
                LaneType.STANDARD, Instant.parse("2026-12-01T17:00:00Z"), Map.of());
    }
}
