package io.borderflow.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.ingest.domain.Verdict;
import io.borderflow.support.rest.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a batch: one result per event, in the order sent. {@code accepted} counts the events that
 * are on the topic, including DUPLICATEs (accepted earlier); {@code rejected} those that never will be.
 */
public record BatchResult(int accepted, int rejected, List<Item> results) {

    public static BatchResult of(List<Item> results) {
        int rejected = (int) results.stream().filter(r -> r.status() == ReceiptStatus.REJECTED).count();
        return new BatchResult(results.size() - rejected, rejected, results);
    }

    /** The events as read and the intake's verdict on each, in the same order. */
    static BatchResult of(List<BatchEvents.Read> events, List<Verdict> verdicts) {
        List<Item> items = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            BatchEvents.Read event = events.get(i);
            Verdict verdict = verdicts.get(i);
            Problem problem = event.problem() != null ? event.problem()
                    : verdict.rejection() != null ? IngestProblems.of(verdict.rejection()) : null;
            items.add(new Item(event.index(), event.eventId(), event.shipmentId(), verdict.status(), problem));
        }
        return of(items);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, UUID eventId, String shipmentId, ReceiptStatus status, Problem problem) {
    }
}
