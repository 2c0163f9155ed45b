package io.borderflow.ingest.domain.waittimes;

import io.borderflow.events.BorderWaitReported;
import java.time.Instant;
import java.util.List;

/**
 * One read of CBP's Border Wait Times feed.
 *
 * @param generatedAt  the feed's own {@code last_updated_*}, or when it was fetched if it says none
 * @param readings     one per catalog crossing and lane type the port reports (not "N/A")
 * @param unknownPorts port numbers of the feed that name no catalog crossing: ignored, and counted
 */
public record BorderWaitFeed(Instant generatedAt, List<BorderWaitReported> readings, List<String> unknownPorts) {
}
