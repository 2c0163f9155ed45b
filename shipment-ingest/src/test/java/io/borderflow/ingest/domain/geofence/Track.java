package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.catalog.CrossingGeofences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded-style GPS track at World Trade Bridge, Laredo, northbound, written in metres from the crossing point
 * (north positive) and seconds from {@link #T0}. The default geofences there (see geofences.geojson): queue from
 * 3,000 m south to the crossing point, primary inspection to 400 m north, exit to 1,500 m north, 600 m either side.
 */
final class Track {

    static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");
    static final GeoPoint CROSSING = CrossingCatalog.load().byId("laredo-world-trade-bridge").orElseThrow().location();
    static final CrossingGeofence FENCE = new CrossingGeofence(
            CrossingGeofences.load().of("laredo-world-trade-bridge", Direction.NORTHBOUND).orElseThrow());

    private final List<Ping> pings = new ArrayList<>();

    static Track track() {
        return new Track();
    }

    Track ping(long second, double north) {
        return ping(second, north, 0, 8.0);
    }

    Track ping(long second, double north, double east, Double accuracyMeters) {
        pings.add(new Ping(T0.plusSeconds(second), at(north, east), accuracyMeters));
        return this;
    }

    static GeoPoint at(double north, double east) {
        return new GeoPoint(CROSSING.latitude() + north / 110_540,
                CROSSING.longitude() + east / (111_320 * Math.cos(Math.toRadians(CROSSING.latitude()))));
    }

    List<Ping> pings() {
        return pings;
    }

    /** Every checkpoint the pings derive, in the order they were derived, fed in the order given. */
    List<DerivedCheckpoint> derive() {
        return derive(GeofenceRules.DEFAULTS);
    }

    List<DerivedCheckpoint> derive(GeofenceRules rules) {
        CrossingProgress progress = CrossingProgress.NEW;
        List<DerivedCheckpoint> derived = new ArrayList<>();
        for (Ping ping : pings) {
            ZoneTracker.Step step = ZoneTracker.next(progress, ping, FENCE, rules);
            progress = step.progress();
            derived.addAll(step.derived());
        }
        return derived;
    }
}
