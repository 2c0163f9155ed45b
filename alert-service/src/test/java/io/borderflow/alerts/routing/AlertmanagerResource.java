package io.borderflow.alerts.routing;

import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Receivers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on loopback with a temporary configuration and
 * storage, plus a real HTTP receiver both it and BorderFlow send their webhooks to. BorderFlow feeds it through its
 * Alertmanager output channel. Without the binary nothing is started and the test skips.
 */
public class AlertmanagerResource implements QuarkusTestResourceLifecycleManager {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    /** Where each side's webhooks arrive: {@code <receiver base>/<side>/<receiver name>}. */
    static final String ALERTMANAGER_SIDE = "/alertmanager";
    static final String BORDERFLOW_SIDE = "/borderflow";

    /**
     * The routing both get, {@code %s} the base of the webhook URLs. Three receivers: critical alerts per crossing
     * to the pager (and on), the western crossings by every label, the rest by alert name; the critical
     * comparison alert inhibits the warning one of its series. A long group_wait, so updates a busy machine
     * consumes seconds apart still meet in one first flush on both sides.
     */
    static final String ROUTING = """
            route:
              receiver: team
              group_by: [alertname]
              group_wait: 10s
              group_interval: 3s
              repeat_interval: 1h
              routes:
                - matchers: ['severity="critical"']
                  receiver: pager
                  group_by: [crossing]
                  continue: true
                - match_re:
                    crossing: 'nogales.*|san-luis.*'
                  receiver: west
                  group_by: ['...']
            receivers:
              - name: team
                webhook_configs: [{url: '%1$s/team'}]
              - name: pager
                webhook_configs: [{url: '%1$s/pager'}]
              - name: west
                webhook_configs: [{url: '%1$s/west'}]
            inhibit_rules:
              - source_matchers: ['rule="cmp-critical"']
                target_matchers: ['rule="cmp-warning"']
                equal: [crossing, direction, lane]
            """;

    private Receivers receivers;
    private Process alertmanager;
    private Path directory;

    @Override
    public Map<String, String> start() {
        receivers = Receivers.start();
        if (!Files.isExecutable(BINARY)) {
            return Map.of();
        }
        try {
            directory = Files.createTempDirectory("alertmanager");
            Files.writeString(directory.resolve("alertmanager.yml"),
                    ROUTING.formatted(receivers.baseUrl() + ALERTMANAGER_SIDE));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            alertmanager = new ProcessBuilder(BINARY.toString(),
                    "--config.file=" + directory.resolve("alertmanager.yml"),
                    "--storage.path=" + directory.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("alertmanager.log").toFile()).start();
            String url = "http://127.0.0.1:" + port;
            awaitReady(url);
            return Map.of("borderflow.alerts.alertmanager.url", url,
                    "borderflow.alerts.alertmanager.resend-interval", "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String url) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!alertmanager.isAlive()) {
                    throw new IllegalStateException("Alertmanager exited: "
                            + Files.readString(directory.resolve("alertmanager.log")));
                }
                return answersReady(url);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Alertmanager not ready within 30 s: "
                    + Files.readString(directory.resolve("alertmanager.log")), e);
        }
    }

    private static boolean answersReady(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/-/ready").toURL().openConnection();
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        receivers.injectInto(testInjector);
    }

    @Override
    public void stop() {
        if (alertmanager != null) {
            alertmanager.destroy();
            try {
                alertmanager.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (receivers != null) {
            receivers.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            } catch (IOException ignored) {
                // a temporary directory left behind does no harm
            }
        }
    }
}
