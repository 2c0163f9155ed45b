package io.borderflow.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.borderflow.ingest.domain.PositionVerdict;
import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.support.rest.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a positions batch: one result per position, in the order sent; {@code accepted} counts ACCEPTED
 * and DUPLICATE (both are on positions.v1), {@code rejected} those that never will be.
 */
public record PositionBatchResult(int accepted, int rejected, List<Item> results) {

    static PositionBatchResult of(List<PositionBatchReader.Read> positions, List<PositionVerdict> verdicts) {
        List<Item> items = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            PositionBatchReader.Read read = positions.get(i);
            PositionVerdict verdict = verdicts.get(i);
            Problem problem = read.problem() != null ? read.problem()
                    : verdict.rejection() != null ? IngestProblems.of(verdict.rejection()) : null;
            items.add(new Item(read.index(), read.at(), verdict.status(), problem));
        }
        int rejected = (int) items.stream().filter(item -> item.status() == ReceiptStatus.REJECTED).count();
        return new PositionBatchResult(items.size() - rejected, rejected, items);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Instant at, ReceiptStatus status, Problem problem) {
    }
}
