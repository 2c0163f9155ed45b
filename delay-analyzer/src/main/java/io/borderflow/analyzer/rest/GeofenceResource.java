package io.borderflow.analyzer.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The geofences at which ingest turns GPS positions into checkpoints, as GeoJSON for the dashboard's map. */
@Path("/api/v1/geofences")
@RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN, Roles.CARRIER})
public class GeofenceResource {

    static final String GEO_JSON = "application/geo+json";

    private final ObjectNode geoJson;

    GeofenceResource(CrossingGeofences geofences) {
        // the zones do not change while the service runs: converted once
        this.geoJson = geofences.toGeoJson();
    }

    @GET
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    public ObjectNode all() {
        return geoJson;
    }
}
