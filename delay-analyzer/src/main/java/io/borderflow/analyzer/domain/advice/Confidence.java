package io.borderflow.analyzer.domain.advice;

/**
 * How much an expected wait rests on: the samples behind its main source. Live: wait-time samples in the window;
 * profile: 5-minute bins at that hour of the week. CBP's estimate is LOW whatever it says (GAO found it unreliable).
 */
public enum Confidence {
    HIGH, MEDIUM, LOW, NONE;

    static final int HIGH_FROM_SAMPLES = 20;
    static final int MEDIUM_FROM_SAMPLES = 5;

    static Confidence of(WaitSource source, int samples) {
        return switch (source) {
            case NONE -> NONE;
            case CBP_REPORTED, FREE_FLOW -> LOW;
            default -> samples >= HIGH_FROM_SAMPLES ? HIGH : samples >= MEDIUM_FROM_SAMPLES ? MEDIUM : LOW;
        };
    }
}
