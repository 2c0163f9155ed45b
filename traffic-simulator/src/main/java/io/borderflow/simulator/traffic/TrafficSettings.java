package io.borderflow.simulator.traffic;

import java.time.Duration;
import java.util.List;

/**
 * Everything that shapes the generated traffic. Two generators with equal settings and start produce the same
 * journeys, event ids included.
 *
 * @param seed             seed of every random draw
 * @param runId            prefix of shipment ids, so that runs never collide in the registry
 * @param volumeScale      multiplies every crossing's volume (1 = the catalog's real annual volumes)
 * @param southboundShare  southbound trucks per northbound truck
 * @param fastShare        share of northbound trucks in FAST lanes where the crossing has them
 * @param carriers         carrier ids, the first ones busiest
 * @param imperfections    delivery and journey imperfections
 * @param episodes         when congestion episodes happen
 */
public record TrafficSettings(long seed, String runId, double volumeScale, double southboundShare, double fastShare,
        List<String> carriers, Imperfections imperfections, EpisodePlan episodes) {

    /**
     * Congestion episodes repeat every {@code every}: a slowdown at one major crossing starting
     * {@code slowdownAfter} into the cycle and a closure at another starting {@code closureAfter} into it,
     * each lasting {@code duration}.
     */
    public record EpisodePlan(boolean enabled, Duration slowdownAfter, Duration closureAfter, Duration duration,
            Duration every) {

        public static final EpisodePlan DEFAULT = new EpisodePlan(true, Duration.ofMinutes(15),
                Duration.ofMinutes(30), Duration.ofMinutes(120), Duration.ofHours(6));
        public static final EpisodePlan NONE = new EpisodePlan(false, Duration.ZERO, Duration.ZERO,
                Duration.ofMinutes(1), Duration.ofHours(1));

        public EpisodePlan {
            if (duration.isNegative() || duration.isZero() || enabled && every.compareTo(duration) <= 0) {
                throw new IllegalArgumentException("episodes must last a positive time shorter than their cycle");
            }
        }
    }

    /** Fictional carriers of the border trade; the first ones move most loads. */
    public static final List<String> DEFAULT_CARRIERS = List.of(
            "transportes-rio-bravo", "frontera-freight", "golfo-logistics", "sonora-express", "baja-cargo",
            "paso-del-norte-trucking", "sierra-madre-lines", "tres-naciones-transport");

    public static TrafficSettings defaults(long seed, String runId) {
        return new TrafficSettings(seed, runId, 1.0, 0.3, 0.25, DEFAULT_CARRIERS, Imperfections.DEFAULT,
                EpisodePlan.DEFAULT);
    }

    public TrafficSettings {
        if (volumeScale <= 0 || southboundShare < 0 || fastShare < 0 || fastShare > 1) {
            throw new IllegalArgumentException("volume scale must be positive, shares non-negative, FAST share <= 1");
        }
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("at least one carrier is needed");
        }
        carriers = List.copyOf(carriers);
    }

    public TrafficSettings withImperfections(Imperfections value) {
        return new TrafficSettings(seed, runId, volumeScale, southboundShare, fastShare, carriers, value, episodes);
    }

    public TrafficSettings withEpisodes(EpisodePlan value) {
        return new TrafficSettings(seed, runId, volumeScale, southboundShare, fastShare, carriers, imperfections, value);
    }

    public TrafficSettings withVolumeScale(double value) {
        return new TrafficSettings(seed, runId, value, southboundShare, fastShare, carriers, imperfections, episodes);
    }
}
