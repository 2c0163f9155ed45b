package io.borderflow.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.SampleStatistics;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void oneSampleIsEveryPercentile() {
        SampleStatistics stats = Percentiles.summarize(List.of(42.0));
        assertThat(stats).isEqualTo(new SampleStatistics(1, 42.0, 42.0, 42.0, 42.0));
    }

    @Test
    void twoSamplesTakeTheLowerForP50AndTheUpperAbove() {
        // ⌈0.5·2⌉ = 1st, ⌈0.85·2⌉ = 2nd, ⌈0.95·2⌉ = 2nd
        assertThat(Percentiles.summarize(List.of(30.0, 10.0))).isEqualTo(new SampleStatistics(2, 20.0, 10.0, 30.0, 30.0));
    }

    @Test
    void twentySamplesUseTheExactRanksWithoutInterpolation() {
        List<Double> samples = IntStream.rangeClosed(1, 20).mapToObj(i -> i * 1.0).toList();
        // ⌈0.5·20⌉ = 10th, ⌈0.85·20⌉ = 17th, ⌈0.95·20⌉ = 19th
        assertThat(Percentiles.summarize(samples)).isEqualTo(new SampleStatistics(20, 10.5, 10.0, 17.0, 19.0));
    }

    @Test
    void tiesAreCountedOncePerSample() {
        assertThat(Percentiles.summarize(List.of(5.0, 5.0, 5.0, 9.0))).isEqualTo(new SampleStatistics(4, 6.0, 5.0, 9.0, 9.0));
    }

    @Test
    void noSamplesIsNoDataNotZero() {
        assertThat(Percentiles.summarize(List.of())).isEqualTo(SampleStatistics.EMPTY);
        assertThat(SampleStatistics.EMPTY.p50Minutes()).isNull();
    }
}
