package io.borderflow.alerts.domain.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A named set of integrations, as in Alertmanager's {@code receivers}: webhooks, PagerDuty routing keys and
 * email lists. A receiver without any integration is valid and sends nothing (Alertmanager's "null" receiver).
 */
public record Receiver(String name, List<Webhook> webhooks, List<PagerDuty> pagerDuty, List<Email> emails) {

    public Receiver {
        webhooks = List.copyOf(webhooks);
        pagerDuty = List.copyOf(pagerDuty);
        emails = List.copyOf(emails);
    }

    /** An integration: one destination of one channel; {@code sendResolved} as Alertmanager's defaults. */
    public sealed interface Integration permits Webhook, PagerDuty, Email {
        boolean sendResolved();
    }

    public record Webhook(String url, boolean sendResolved) implements Integration {
    }

    public record PagerDuty(String routingKey, boolean sendResolved) implements Integration {
    }

    public record Email(List<String> to, boolean sendResolved) implements Integration {
        public Email {
            to = List.copyOf(to);
        }
    }

    /** Every integration in a fixed order (webhooks, PagerDuty, email); the index names it in idempotency keys. */
    public List<Integration> integrations() {
        List<Integration> all = new ArrayList<>(webhooks);
        all.addAll(pagerDuty);
        all.addAll(emails);
        return all;
    }
}
