package io.borderflow.analyzer.domain.advice;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The wait a truck should expect when it joins the queue at a given time. The live wait describes a truck joining
 * now; the further away the arrival, the less it says, so its weight falls linearly from 1 (joining now) to 0
 * (joining {@code horizon} or more from now) and the hour-of-week profile of the arrival's local hour takes the
 * rest. Where nothing is measured, CBP's current reported wait is used for arrivals within the horizon (labelled
 * as such); where nothing is known at all, the wait is unknown (null), never 0.
 *
 * @param minutes        the expected wait; null when nothing is known
 * @param source         where it came from
 * @param liveWeight     the live wait's weight at that arrival (0..1)
 * @param liveSamples    wait-time samples in the live window behind it (0 when live was not used)
 * @param profileSamples 5-minute bins behind the profile's hour (0 when the profile was not used)
 */
public record ExpectedWait(Double minutes, WaitSource source, double liveWeight, int liveSamples,
        int profileSamples, Confidence confidence) {

    /** How far ahead the live wait still counts; beyond it the profile alone speaks. */
    public static final String DEFAULT_LIVE_HORIZON = "4h";

    /** The live wait's weight for a truck joining the queue at {@code joinAt}. */
    public static double liveWeight(Instant joinAt, Instant now, Duration horizon) {
        double ahead = Duration.between(now, joinAt).toMillis() / (double) horizon.toMillis();
        return Math.max(0, Math.min(1, 1 - ahead));
    }

    public static ExpectedWait at(Instant joinAt, Instant now, Duration horizon, ZoneId zone,
            CrossingConditions conditions) {
        double weight = liveWeight(joinAt, now, horizon);
        Optional<Double> live = weight > 0 ? conditions.liveWait() : Optional.empty();
        Optional<HourOfWeekProfile.Hour> hour = conditions.profileAt(joinAt, zone)
                .filter(h -> h.medianWaitMinutes() != null);
        if (live.isPresent() && hour.isPresent() && weight < 1) {
            double blended = weight * live.get() + (1 - weight) * hour.get().medianWaitMinutes();
            int liveSamples = conditions.liveSamples();
            int profileSamples = hour.get().samples();
            // the part that weighs more decides how much the number rests on
            Confidence confidence = Confidence.of(WaitSource.LIVE_AND_PROFILE,
                    weight >= 0.5 ? liveSamples : profileSamples);
            return new ExpectedWait(blended, WaitSource.LIVE_AND_PROFILE, weight, liveSamples, profileSamples,
                    confidence);
        }
        if (live.isPresent()) {
            int samples = conditions.liveSamples();
            return new ExpectedWait(live.get(), WaitSource.LIVE, weight, samples, 0,
                    Confidence.of(WaitSource.LIVE, samples));
        }
        if (hour.isPresent()) {
            int samples = hour.get().samples();
            return new ExpectedWait(hour.get().medianWaitMinutes(), WaitSource.PROFILE, weight, 0, samples,
                    Confidence.of(WaitSource.PROFILE, samples));
        }
        Optional<Integer> reported = weight > 0 ? conditions.reportedWait() : Optional.empty();
        if (reported.isPresent()) {
            return new ExpectedWait((double) reported.get(), WaitSource.CBP_REPORTED, weight, 0, 0,
                    Confidence.of(WaitSource.CBP_REPORTED, 0));
        }
        return new ExpectedWait(null, WaitSource.NONE, weight, 0, 0, Confidence.NONE);
    }
}
