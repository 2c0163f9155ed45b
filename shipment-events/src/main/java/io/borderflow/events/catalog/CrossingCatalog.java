package io.borderflow.events.catalog;

import io.borderflow.events.GeoPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 22 commercial crossings of the US–Mexico border, from {@code crossings.csv} (a copy of the
 * reference list), ordered by annual northbound trucks as in the source. Immutable.
 */
public final class CrossingCatalog {

    /** FHWA's default when a crossing's free-flow time is not configured. */
    public static final Duration DEFAULT_FREE_FLOW = Duration.ofMinutes(10);

    private static final String RESOURCE = "/crossings.csv";

    private final Map<String, Crossing> byId;

    private CrossingCatalog(Map<String, Crossing> byId) {
        this.byId = byId;
    }

    /** The catalog with every crossing's free-flow time at {@link #DEFAULT_FREE_FLOW}. */
    public static CrossingCatalog load() {
        return load(DEFAULT_FREE_FLOW, Map.of());
    }

    /**
     * @param defaultFreeFlow free-flow crossing time of crossings not in {@code freeFlowById}
     * @param freeFlowById    configured free-flow times by crossing id; unknown ids are an error
     */
    public static CrossingCatalog load(Duration defaultFreeFlow, Map<String, Duration> freeFlowById) {
        Map<String, Crossing> crossings = new LinkedHashMap<>();
        for (Crossing crossing : read(defaultFreeFlow)) {
            if (crossings.put(crossing.id(), crossing) != null) {
                throw new IllegalStateException("duplicate crossing id in catalog: " + crossing.id());
            }
        }
        freeFlowById.forEach((id, freeFlow) -> {
            Crossing crossing = crossings.get(id);
            if (crossing == null) {
                throw new IllegalArgumentException("free-flow configured for unknown crossing: " + id);
            }
            crossings.put(id, crossing.withFreeFlow(freeFlow));
        });
        return new CrossingCatalog(Collections.unmodifiableMap(crossings));
    }

    public Collection<Crossing> all() {
        return byId.values();
    }

    public Optional<Crossing> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    /** Crossings of one CBP port; a port can have several (Laredo 2304, Brownsville 2301). */
    public List<Crossing> byPortCode(String cbpPortCode) {
        return byId.values().stream().filter(c -> c.cbpPortCode().equals(cbpPortCode)).toList();
    }

    /**
     * The crossing a CBP Border Wait Times port number (6 digits, e.g. 230404) names; a port code (2304) can hold
     * several crossings, its port numbers cannot.
     */
    public Optional<Crossing> byWaitTimesPortNumber(String portNumber) {
        return byId.values().stream().filter(c -> c.cbpWaitTimesPortNumber().equals(portNumber)).findFirst();
    }

    public int size() {
        return byId.size();
    }

    private static List<Crossing> read(Duration freeFlow) {
        try (InputStream in = CrossingCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = CsvLine.split(reader.readLine());
            List<Crossing> crossings = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    crossings.add(parse(header, CsvLine.split(line), freeFlow));
                }
            }
            return crossings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Crossing parse(List<String> header, List<String> values, Duration freeFlow) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < values.size() ? values.get(i) : "");
        }
        return new Crossing(
                row.get("crossing_id"),
                row.get("name"),
                row.get("cbp_port_code"),
                row.get("cbp_bwt_port_number"),
                row.get("us_state"),
                row.get("us_city"),
                row.get("mx_city"),
                row.get("mx_state"),
                ZoneId.of(row.get("time_zone")),
                new GeoPoint(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))),
                Integer.parseInt(row.get("max_commercial_lanes")),
                Long.parseLong(row.get("northbound_trucks_per_year")),
                freeFlow,
                CommercialHours.parse(row.get("commercial_hours_weekdays"), row.get("commercial_hours_saturday"),
                        row.get("commercial_hours_sunday")),
                Boolean.parseBoolean(row.get("fast_lanes")));
    }
}
