package io.borderflow.alerts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of alert-service: {@code borderflow.alerts.*}. */
@ConfigMapping(prefix = "borderflow.alerts")
public interface AlertsConfig {

    /** How often rules are evaluated without new input, so time-based transitions happen. */
    @WithDefault("15s")
    Duration evaluationInterval();

    /** How often a firing, unacknowledged alert is notified again. */
    @WithDefault("4h")
    Duration repeatInterval();

    /** Creates the default rule set when the rule table is empty (first start). */
    @WithDefault("true")
    boolean defaultRules();

    /** Base URL of the operator dashboard: alerts link to {@code <dashboard-url>/#/crossings/<id>}. */
    @WithDefault("http://localhost:8082")
    String dashboardUrl();

    Outbox outbox();

    Delivery delivery();

    Webhook webhook();

    PagerDuty pagerduty();

    Email email();

    Alertmanager alertmanager();

    interface Outbox {
        /** How often unpublished AlertStateChanged events are relayed to alerts.v1. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("100")
        int batchSize();
    }

    interface Delivery {
        /** How often the delivery worker looks for due notifications. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("20")
        int batchSize();

        /** After this many failed attempts a notification is dead. */
        @WithDefault("10")
        int maxAttempts();

        /** A notification not delivered within this age is dead (an old page helps nobody). */
        @WithDefault("24h")
        Duration maxAge();

        /** First retry delay; doubled per attempt up to {@link #maxBackoff()}, with jitter. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** Timeout of one HTTP delivery; a claimed notification is retried after {@code 2 × timeout} if a worker died. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Alertmanager-compatible webhook (payload version 4); off unless {@code url} is set. */
    interface Webhook {
        Optional<String> url();

        /** HMAC-SHA256 key of the {@code X-BorderFlow-Signature} header; unsigned without it. */
        Optional<String> secret();

        /** The {@code receiver} field of the payload. */
        @WithDefault("borderflow-oncall")
        String receiver();
    }

    /** PagerDuty Events API v2; off unless {@code routing-key} is set. */
    interface PagerDuty {
        @WithDefault("https://events.pagerduty.com/v2/enqueue")
        String url();

        /** The integration key of the PagerDuty service. */
        Optional<String> routingKey();
    }

    /** Email through SMTP ({@code quarkus.mailer.*}); off unless {@code to} is set. */
    interface Email {
        Optional<List<String>> to();

        @WithDefault("alerts@borderflow.local")
        String from();
    }

    /** An existing Alertmanager that gets every alert over its API; off unless {@code url} is set. */
    interface Alertmanager {
        /** Base URL, e.g. {@code http://alertmanager:9093}; alerts go to {@code <url>/api/v2/alerts}. */
        Optional<String> url();

        /**
         * How often firing alerts (and those resolved within the last 15 minutes) are sent again, as Prometheus
         * does; each firing alert's {@code endsAt} lies 4 intervals ahead, well within Alertmanager's resolve_timeout.
         */
        @WithDefault("1m")
        Duration resendInterval();
    }
}
