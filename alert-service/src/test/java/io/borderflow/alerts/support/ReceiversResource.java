package io.borderflow.alerts.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts {@link Receivers} and points every notification channel of the service at them. */
public class ReceiversResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String ROUTING_KEY = "R0UTINGKEY0123456789012345678901";
    public static final String ONCALL_EMAIL = "oncall@borderflow.test";

    private Receivers receivers;

    @Override
    public Map<String, String> start() {
        receivers = Receivers.start();
        return Map.of(
                "borderflow.alerts.webhook.url", receivers.baseUrl() + Receivers.WEBHOOK_PATH,
                "borderflow.alerts.webhook.secret", WEBHOOK_SECRET,
                "borderflow.alerts.pagerduty.url", receivers.baseUrl() + Receivers.PAGERDUTY_PATH,
                "borderflow.alerts.pagerduty.routing-key", ROUTING_KEY,
                "borderflow.alerts.email.to", ONCALL_EMAIL,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(receivers.smtpPort()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void inject(TestInjector testInjector) {
        receivers.injectInto(testInjector);
    }

    @Override
    public void stop() {
        if (receivers != null) {
            receivers.close();
        }
    }
}
