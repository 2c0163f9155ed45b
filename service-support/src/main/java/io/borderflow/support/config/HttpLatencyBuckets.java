package io.borderflow.support.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Histogram buckets for every service's HTTP server latency ({@code http_server_requests_seconds_bucket}), so
 * dashboards and rules can take percentiles across instances ({@code histogram_quantile}); without them Micrometer
 * exports only count, sum and max. A dozen fixed bounds rather than Micrometer's ~70 per series: one series per
 * endpoint, method and status already.
 */
@Singleton
public class HttpLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final Duration[] BOUNDS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                // a timer's bounds are in nanoseconds
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Stream.of(BOUNDS).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }
}
