package io.borderflow.events;

/**
 * Summary of the samples (minutes) in a window. With no samples, count is 0 and every measure is
 * null: "no data" is never written as 0 minutes.
 *
 * @param p50Minutes nearest-rank percentiles: the ⌈p/100·n⌉-th smallest sample
 */
public record SampleStatistics(
        int count,
        Double meanMinutes,
        Double p50Minutes,
        Double p85Minutes,
        Double p95Minutes) {

    public static final SampleStatistics EMPTY = new SampleStatistics(0, null, null, null, null);

    public SampleStatistics {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (count > 0) {
            Required.field(meanMinutes, "meanMinutes");
            Required.field(p50Minutes, "p50Minutes");
            Required.field(p85Minutes, "p85Minutes");
            Required.field(p95Minutes, "p95Minutes");
        }
    }
}
