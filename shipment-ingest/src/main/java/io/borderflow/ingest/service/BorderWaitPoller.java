package io.borderflow.ingest.service;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.ingest.config.CbpConfig;
import io.borderflow.ingest.domain.waittimes.BorderWaitFeed;
import io.borderflow.ingest.domain.waittimes.BorderWaitFeedParser;
import io.borderflow.ingest.domain.waittimes.FeedRejected;
import io.borderflow.ingest.domain.waittimes.PollState;
import io.borderflow.ingest.domain.waittimes.ReadingChanges;
import io.borderflow.ingest.repository.BorderWaitReadings;
import io.borderflow.ingest.service.WaitTimesFeedClient.FeedUnavailable;
import io.borderflow.ingest.service.WaitTimesFeedClient.Fetched;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Polls CBP's Border Wait Times feed and records the readings that changed, which the outbox publishes to
 * border-waits.v1. A failed poll (no answer, an error status, a body over the size cap, XML that is not the feed,
 * a database that does not answer) changes nothing that was published, backs off, is counted, and is logged once
 * per outage; the service stays ready. The recorded readings, not this replica's memory, decide what changed: a
 * restart publishes only what changed while it was down, and replicas that read the same feed publish a change
 * once ({@link BorderWaitReadings}).
 */
@ApplicationScoped
public class BorderWaitPoller {

    private static final Logger LOG = Logger.getLogger(BorderWaitPoller.class);

    private final CbpConfig config;
    private final WaitTimesFeedClient client;
    private final BorderWaitFeedParser parser;
    private final BorderWaitReadings readings;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    /** What this replica recorded or found recorded: only the rest goes to the database. */
    private final ReadingChanges changes = new ReadingChanges();

    private volatile PollState state;
    private Fetched lastRead;

    public BorderWaitPoller(CbpConfig config, WaitTimesFeedClient client, CrossingCatalog catalog,
            BorderWaitReadings readings, IngestMetrics metrics) {
        this.config = config;
        this.client = client;
        this.parser = new BorderWaitFeedParser(catalog);
        this.readings = readings;
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

    // a tick: the poll interval and the backoff decide when a poll is due. Not before the application runs
    @Scheduled(identity = "cbp-feed", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() throws InterruptedException {
        if (config.enabled() && state.due(clock.instant())) {
            poll();
        }
    }

    public void poll() throws InterruptedException {
        Instant now = clock.instant();
        try {
            Fetched fetched = client.fetch(lastRead);
            if (fetched.notModified()) {
                succeeded(now, "not-modified");
                return;
            }
            BorderWaitFeed feed = parser.parse(fetched.body(), now);
            List<BorderWaitReported> candidates = changes.changed(feed.readings());
            List<BorderWaitReported> recorded = record(candidates, now);
            // the rest was already recorded, by another replica or before a restart
            changes.published(candidates);
            lastRead = fetched;
            metrics.borderWaitsRead(recorded.size(), feed.unknownPorts().size());
            succeeded(now, "read");
            LOG.debugf("CBP feed of %s: %d readings, %d changed, %d ports outside the catalog", feed.generatedAt(),
                    feed.readings().size(), recorded.size(), feed.unknownPorts().size());
        } catch (FeedUnavailable | FeedRejected | RuntimeException e) {
            failed(now, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The readings that changed their series, recorded (Hibernate Reactive needs a Vert.x context: one of its own). */
    private List<BorderWaitReported> record(List<BorderWaitReported> candidates, Instant now)
            throws InterruptedException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> readings.record(candidates, now).ifNoItem().after(config.recordTimeout()).fail());
        } catch (RuntimeException | Error | InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
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
