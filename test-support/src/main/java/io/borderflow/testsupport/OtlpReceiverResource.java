package io.borderflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Tracing on, exported to an {@link OtlpReceiver} of the test's own (OTLP/HTTP protobuf, spans sent every 100 ms);
 * inject it with {@code @InjectOtlp OtlpReceiver}. The service turns tracing on because an endpoint is set
 * ({@code borderflow.otlp.endpoint}, service-support's TracingSwitch), as it would in a deployment.
 */
public class OtlpReceiverResource implements QuarkusTestResourceLifecycleManager {

    private OtlpReceiver receiver;

    @Override
    public Map<String, String> start() {
        try {
            receiver = OtlpReceiver.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("borderflow.otlp.endpoint", receiver.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(receiver,
                new TestInjector.AnnotatedAndMatchesType(InjectOtlp.class, OtlpReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
