package io.borderflow.ingest.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One GPS position of a shipment's truck as its carrier reports it. Ranges: WGS 84 degrees; a road truck's speed;
 * a compass heading; a non-negative accuracy radius (how poor an accuracy still counts is the geofence rules'
 * business, not a reason to refuse the report).
 */
public record PositionReport(
        @NotNull Instant at,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("0") @DecimalMax("250") Double speedKph,
        @DecimalMin("0") @DecimalMax(value = "360", inclusive = false) Double headingDeg,
        @DecimalMin("0") @DecimalMax("100000") Double accuracyMeters) {
}
