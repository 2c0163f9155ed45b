package io.borderflow.alerts.notification;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** One way to reach on-call. Each is optional: a channel without configuration is off. */
public interface Channel {

    /** Stored with each notification: {@code webhook}, {@code pagerduty}, {@code email}. */
    String name();

    boolean enabled();

    /** What to send for this notice, or empty when this channel does not tell this kind (e.g. email on acknowledge). */
    Optional<String> payload(AlertNotice notice);

    /**
     * One attempt; never fails: every outcome is a {@link DeliveryResult}.
     *
     * @param target where a routed notification goes when the payload does not say it (a receiver's webhook
     *               URL); null for the channel's configured destination
     */
    Uni<DeliveryResult> deliver(String payload, String idempotencyKey, String target);
}
