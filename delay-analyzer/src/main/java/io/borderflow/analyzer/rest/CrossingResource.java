package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.service.CrossingDelayBoard;
import io.borderflow.analyzer.service.DelayTrendService;
import io.borderflow.analyzer.service.ReportedWaitBoard;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.rest.SseClients;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Live statistics, trends and profiles of the crossings; every role may read them. */
@Path("/api/v1/crossings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN, Roles.CARRIER})
public class CrossingResource {

    static final String SSE_EVENT = "crossing-delay";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Pattern STEP = Pattern.compile("(\\d{1,5})([mh])");
    private static final Duration BIN = Duration.ofMinutes(5);
    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final CrossingCatalog catalog;
    private final CrossingDelayBoard board;
    private final ReportedWaitBoard reported;
    private final DelayTrendService trends;
    private final AnalyzerConfig config;
    private final Clock clock;
    private final SseClients sseClients;

    CrossingResource(CrossingCatalog catalog, CrossingDelayBoard board, ReportedWaitBoard reported,
            DelayTrendService trends, AnalyzerConfig config, Clock clock, SseClients sseClients) {
        this.catalog = catalog;
        this.board = board;
        this.reported = reported;
        this.trends = trends;
        this.config = config;
        this.clock = clock;
        this.sseClients = sseClients;
    }

    @GET
    public List<CrossingView> crossings() {
        Instant now = clock.instant();
        return catalog.all().stream().map(c -> view(c, now)).toList();
    }

    @GET
    @Path("{id}")
    public CrossingView crossing(@PathParam("id") String id) {
        return view(crossingOrNotFound(id), clock.instant());
    }

    @GET
    @Path("{id}/history")
    public Uni<HistoryView> history(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("step") String step) {
        Crossing crossing = crossingOrNotFound(id);
        String stepText = step == null || step.isBlank() ? "5m" : step.trim();
        Duration stepLength = parseStep(stepText);
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant("from", from);
        if (!start.isBefore(end)) {
            throw invalid("from must be before to");
        }
        if (Duration.between(start, end).compareTo(config.historyRetention()) > 0) {
            throw invalid("the range may span at most the retained history, " + config.historyRetention().toDays() + " days");
        }
        return trends.history(crossing, start, end, stepLength)
                .map(series -> HistoryView.of(id, start, end, stepText, series));
    }

    @GET
    @Path("{id}/profile")
    public Uni<ProfileView> profile(@PathParam("id") String id) {
        Crossing crossing = crossingOrNotFound(id);
        return trends.profile(crossing).map(series -> new ProfileView(id, crossing.zone().getId(),
                series.stream().map(s -> new ProfileView.Series(s.direction(), s.laneType(), s.hours())).toList()));
    }

    /**
     * Every new statistics of any series, and every new CBP reading; {@code event: crossing-delay}, data a
     * SeriesView (measured and reported, as the crossing's own view has it) plus crossingId.
     * A comment every 15 s keeps proxies from closing a quiet stream and lets the dashboard notice a dead one.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<SeriesKey> changed = Multi.createBy().merging().streams(
                board.updates().map(CrossingDelayUpdated::series), reported.updates().map(BorderWaitReported::series));
        Multi<OutboundSseEvent> updates = changed.filter(series -> catalog.contains(series.crossingId()))
                .map(this::seriesView).map(view -> sse.newEventBuilder()
                .name(SSE_EVENT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(CrossingDelayEvent.class, view)
                .build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return sseClients.counted(Multi.createBy().merging().streams(updates, keepAlive));
    }

    /** One series as its crossing's view shows it. */
    private CrossingDelayEvent seriesView(SeriesKey series) {
        Crossing crossing = catalog.byId(series.crossingId()).orElseThrow();
        CrossingView view = CrossingView.of(crossing, board.of(series).stream().toList(),
                reported.of(series).stream().toList(), clock.instant(), config.reportedStaleAfter());
        return new CrossingDelayEvent(series.crossingId(), view.series().get(0));
    }

    private CrossingView view(Crossing crossing, Instant now) {
        return CrossingView.of(crossing, board.seriesOf(crossing.id()), reported.ofCrossing(crossing.id()), now,
                config.reportedStaleAfter());
    }

    private Crossing crossingOrNotFound(String id) {
        return catalog.byId(id).orElseThrow(() -> new ProblemException(404, "crossing-not-found",
                "Crossing not found", "no crossing with id " + id + " in the catalog"));
    }

    private static Duration parseStep(String step) {
        Matcher matcher = STEP.matcher(step);
        if (!matcher.matches()) {
            throw invalid("step must be minutes or hours, e.g. 5m, 15m, 1h: " + step);
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration length = matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        if (length.isZero() || length.toMillis() % BIN.toMillis() != 0) {
            throw invalid("step must be a positive multiple of 5m: " + step);
        }
        return length;
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 instant such as 2026-11-27T18:00:00Z: " + text);
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-query", "Invalid query parameter", detail);
    }
}
