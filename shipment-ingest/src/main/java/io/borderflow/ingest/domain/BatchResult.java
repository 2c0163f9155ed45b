package io.borderflow.ingest.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.borderflow.support.rest.Problem;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, UUID eventId, String shipmentId, ReceiptStatus status, Problem problem) {
    }
}
