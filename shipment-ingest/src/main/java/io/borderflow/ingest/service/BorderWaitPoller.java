package io.borderflow.ingest.service;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.ingest.config.CbpConfig;
import io.borderflow.ingest.domain.waittimes.BorderWaitFeed;
import io.borderflow.ingest.domain.waittimes.BorderWaitFeedParser;
import io.borderflow.ingest.domain.waittimes.FeedRejected;
import io.borderflow.ingest.domain.waittimes.PollState;
import io.borderflow.ingest.domain.waittimes.ReadingChanges;
import io.borderflow.ingest.messaging.BorderWaitPublisher;
import io.borderflow.ingest.service.WaitTimesFeedClient.FeedUnavailable;
import io.borderflow.ingest.service.WaitTimesFeedClient.Fetched;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Polls CBP's Border Wait Times feed and publishes the readings that changed to border-waits.v1. A failed poll
 * (no answer, an error status, a body over the size cap, XML that is not the feed, a broker that does not
 * acknowledge) changes nothing that was published, backs off, is counted, and is logged once per outage; the
 * service stays ready. Before its first poll it reads back the topic's latest readings, so a restart publishes
 * only what changed while it was down.
 */
@ApplicationScoped
public class BorderWaitPoller {

    private static final Logger LOG = Logger.getLogger(BorderWaitPoller.class);
    private static final Duration SEED_DEADLINE = Duration.ofSeconds(20);

    private final CbpConfig config;
    private final WaitTimesFeedClient client;
    private final BorderWaitFeedParser parser;
    private final BorderWaitPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final ReadingChanges changes = new ReadingChanges();

    private volatile PollState state;
    private boolean seeded;
    private Fetched lastRead;

    BorderWaitPoller(CbpConfig config, WaitTimesFeedClient client, CrossingCatalog catalog,
            BorderWaitPublisher publisher, IngestMetrics metrics) {
        this.config = config;
        this.client = client;
        this.parser = new BorderWaitFeedParser(catalog);
        this.publisher = publisher;
        this.metrics = metrics;
        this.state = PollState.start(clock.instant());
    }

    /** Where the reader stands, for readiness and metrics. */
    public PollState state() {
        return state;
    }

    public boolean enabled() {
        return config.enabled();
    }

    // a tick: the poll interval and the backoff decide when a poll is due. Not before the application runs:
    // until then the emitter cannot connect to its channel
    @Scheduled(identity = "cbp-feed", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() throws InterruptedException {
        if (config.enabled() && state.due(clock.instant())) {
            poll();
        }
    }

    void poll() throws InterruptedException {
        Instant now = clock.instant();
        try {
            seed();
            Fetched fetched = client.fetch(lastRead);
            if (fetched.notModified()) {
                succeeded(now, "not-modified");
                return;
            }
            BorderWaitFeed feed = parser.parse(fetched.body(), now);
            List<BorderWaitReported> changed = changes.changed(feed.readings());
            publisher.publish(changed).await().atMost(config.publishTimeout());
            changes.published(changed);
            lastRead = fetched;
            metrics.borderWaitsRead(changed.size(), feed.unknownPorts().size());
            succeeded(now, "read");
            LOG.debugf("CBP feed of %s: %d readings, %d changed, %d ports outside the catalog", feed.generatedAt(),
                    feed.readings().size(), changed.size(), feed.unknownPorts().size());
        } catch (FeedUnavailable | FeedRejected | RuntimeException e) {
            failed(now, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The topic's latest readings are what was published before this start; a failure here fails the poll. */
    private void seed() {
        if (!seeded) {
            List<BorderWaitReported> latest = publisher.latest(SEED_DEADLINE);
            changes.published(latest);
            seeded = true;
            LOG.infof("CBP feed reader: %d readings already on the topic; polling %s every %s", latest.size(),
                    config.feedUrl(), config.pollInterval());
        }
    }

    private void succeeded(Instant now, String outcome) {
        PollState before = state;
        state = before.succeeded(now, config.pollInterval());
        metrics.borderWaitPoll(outcome, now);
        if (before.consecutiveFailures() > 0) {
            LOG.infof("CBP feed %s answers again after %d failed polls", config.feedUrl(),
                    before.consecutiveFailures());
        }
    }

    private void failed(Instant now, String reason) {
        state = state.failed(now, reason, config.backoffInitial(), config.backoffMax());
        metrics.borderWaitPoll("failure", null);
        if (state.outageBegins()) {
            LOG.warnf("CBP feed %s failed: %s; the last readings stay as published, retrying with backoff "
                    + "(logged once until it recovers)", config.feedUrl(), reason);
        } else {
            LOG.debugf("CBP feed still failing (%d in a row): %s", state.consecutiveFailures(), reason);
        }
    }
}
