package io.borderflow.ingest.domain;

/** What makes two reports of one shipment at one instant the same position (a repeat, not a contradiction). */
public record PositionFingerprint(double latitude, double longitude, Double speedKph, Double headingDeg,
        Double accuracyMeters) {

    public static PositionFingerprint of(PositionReport report) {
        return new PositionFingerprint(report.latitude(), report.longitude(), report.speedKph(), report.headingDeg(),
                report.accuracyMeters());
    }
}
