package io.borderflow.analyzer.domain.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.borderflow.events.GeoPoint;
import org.junit.jupiter.api.Test;

class GreatCircleDriveTimeTest {

    @Test
    void distanceIsTheGreatCircleTimesTheDetourFactorAtTruckSpeed() {
        // one degree of latitude is 111.2 km on the mean sphere
        GreatCircleDriveTime drive = new GreatCircleDriveTime(1.5, 60);
        DriveTimeEstimate.Drive oneDegree = drive.between(new GeoPoint(27, -99), new GeoPoint(28, -99));

        assertThat(GreatCircleDriveTime.greatCircleKm(new GeoPoint(27, -99), new GeoPoint(28, -99)))
                .isCloseTo(111.195, within(0.01));
        assertThat(oneDegree.distanceKm()).isCloseTo(166.79, within(0.01));
        assertThat(oneDegree.minutes()).isCloseTo(166.79, within(0.01));
        assertThat(oneDegree.method()).isEqualTo("GREAT_CIRCLE");
    }

    @Test
    void monterreyToLaredoIsAboutTheRealDrive() {
        // Monterrey → World Trade Bridge: ~225 km and 2½–3 h by Highway 85D; the estimate is within that range
        DriveTimeEstimate.Drive drive = GreatCircleDriveTime.withDefaults()
                .between(new GeoPoint(25.6866, -100.3161), new GeoPoint(27.597208, -99.536873));

        assertThat(drive.distanceKm()).isBetween(200.0, 300.0);
        assertThat(drive.minutes()).isBetween(150.0, 270.0);
    }

    @Test
    void rejectsAFactorBelowOneAndANonPositiveSpeed() {
        assertThatThrownBy(() -> new GreatCircleDriveTime(0.9, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GreatCircleDriveTime(1.3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
