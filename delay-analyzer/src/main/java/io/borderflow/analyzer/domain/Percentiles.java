package io.borderflow.analyzer.domain;

import io.borderflow.events.SampleStatistics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Summaries of exact samples: mean and nearest-rank percentiles, as FHWA/TTI report them. */
public final class Percentiles {

    /**
     * The nearest-rank p-th percentile: the ⌈p/100·n⌉-th smallest sample (1-based), never interpolated,
     * so it is always a travel time that some truck actually had.
     */
    public static double nearestRank(List<Double> sortedSamples, int p) {
        if (sortedSamples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        // integer arithmetic: ⌈p·n/100⌉ without floating-point error at exact multiples
        int rank = (p * sortedSamples.size() + 99) / 100;
        return sortedSamples.get(rank - 1);
    }

    /** count, mean, p50, p85, p95 of the samples (minutes); no samples gives count 0 and nulls, never 0. */
    public static SampleStatistics summarize(Collection<Double> samples) {
        if (samples.isEmpty()) {
            return SampleStatistics.EMPTY;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double sum = 0;
        for (double sample : sorted) {
            sum += sample;
        }
        return new SampleStatistics(sorted.size(), sum / sorted.size(),
                nearestRank(sorted, 50), nearestRank(sorted, 85), nearestRank(sorted, 95));
    }

    private Percentiles() {
    }
}
