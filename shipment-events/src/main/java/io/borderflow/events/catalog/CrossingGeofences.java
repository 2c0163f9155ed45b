package io.borderflow.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The geofences of every crossing and direction: GeoJSON polygons, one per {@link GeofenceZone}. The defaults in
 * {@code geofences.geojson} are approximate, drawn from the catalog's coordinates (see the file's {@code note});
 * a deployment replaces them with a file of the same shape ({@link #load(Path)}). Only a polygon's outer ring is
 * used. Immutable.
 */
public final class CrossingGeofences {

    private static final String RESOURCE = "/geofences.geojson";

    /** One crossing and direction: where its queue, primary inspection and exit are. */
    public record Zones(String crossingId, Direction direction, Map<GeofenceZone, List<GeoPoint>> rings) {

        public List<GeoPoint> ring(GeofenceZone zone) {
            return rings.get(zone);
        }
    }

    private final Map<String, Zones> byKey;

    private CrossingGeofences(Map<String, Zones> byKey) {
        this.byKey = byKey;
    }

    /** The defaults shipped with the catalog. */
    public static CrossingGeofences load() {
        try (InputStream in = CrossingGeofences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("geofences not on the classpath: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A deployment's own geofences, replacing the defaults as a whole. */
    public static CrossingGeofences load(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read geofences from " + file, e);
        }
    }

    /** This deployment's geofences: its own file when it has one, else the defaults. */
    public static CrossingGeofences configured(Optional<Path> file) {
        return file.map(CrossingGeofences::load).orElseGet(CrossingGeofences::load);
    }

    public Optional<Zones> of(String crossingId, Direction direction) {
        return Optional.ofNullable(byKey.get(key(crossingId, direction)));
    }

    public List<Zones> all() {
        return List.copyOf(byKey.values());
    }

    /**
     * Every zone as a GeoJSON FeatureCollection of the shape this class reads (properties {@code crossingId},
     * {@code direction}, {@code zone}; positions [longitude, latitude]), so a served copy can be saved as a
     * deployment's file.
     */
    public ObjectNode toGeoJson() {
        ObjectNode collection = new ObjectMapper().createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (Zones zones : byKey.values()) {
            zones.rings().forEach((zone, ring) -> {
                ObjectNode feature = features.addObject().put("type", "Feature");
                feature.putObject("properties").put("crossingId", zones.crossingId())
                        .put("direction", zones.direction().name()).put("zone", zone.name());
                ArrayNode positions = feature.putObject("geometry").put("type", "Polygon")
                        .putArray("coordinates").addArray();
                ring.forEach(point -> positions.addArray().add(point.longitude()).add(point.latitude()));
            });
        }
        return collection;
    }

    private static CrossingGeofences parse(JsonNode root, String source) {
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
        }
        Map<String, Map<GeofenceZone, List<GeoPoint>>> rings = new LinkedHashMap<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode properties = feature.path("properties");
            String crossingId = properties.path("crossingId").asText();
            Direction direction = Direction.valueOf(properties.path("direction").asText());
            GeofenceZone zone = GeofenceZone.valueOf(properties.path("zone").asText());
            JsonNode geometry = feature.path("geometry");
            if (!"Polygon".equals(geometry.path("type").asText())) {
                throw new IllegalArgumentException(source + ": " + crossingId + " " + direction + " " + zone
                        + " is not a Polygon");
            }
            List<GeoPoint> ring = new ArrayList<>();
            for (JsonNode position : geometry.path("coordinates").path(0)) {
                // GeoJSON positions are [longitude, latitude]
                ring.add(new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble()));
            }
            if (ring.size() < 4) {
                throw new IllegalArgumentException(source + ": " + crossingId + " " + direction + " " + zone
                        + " needs a closed ring of at least 4 positions");
            }
            if (rings.computeIfAbsent(key(crossingId, direction), k -> new EnumMap<>(GeofenceZone.class))
                    .put(zone, List.copyOf(ring)) != null) {
                throw new IllegalArgumentException(source + ": " + crossingId + " " + direction + " " + zone
                        + " appears twice");
            }
        }
        Map<String, Zones> byKey = new LinkedHashMap<>();
        rings.forEach((key, zones) -> {
            if (zones.size() != GeofenceZone.values().length) {
                throw new IllegalArgumentException(source + ": " + key + " needs all of QUEUE, PRIMARY_INSPECTION,"
                        + " EXIT; has " + zones.keySet());
            }
            String[] parts = key.split("/");
            byKey.put(key, new Zones(parts[0], Direction.valueOf(parts[1]), Collections.unmodifiableMap(zones)));
        });
        return new CrossingGeofences(Collections.unmodifiableMap(byKey));
    }

    private static String key(String crossingId, Direction direction) {
        return crossingId + "/" + direction;
    }
}
