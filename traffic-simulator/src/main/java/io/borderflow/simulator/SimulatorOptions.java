package io.borderflow.simulator;

import io.borderflow.simulator.traffic.Imperfections;
import io.borderflow.simulator.traffic.TrafficSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line of the traffic simulator. */
public record SimulatorOptions(
        List<URI> ingestUrls,
        Path signingKey,
        String issuer,
        Map<String, String> carrierTokens,
        double speed,
        Duration history,
        Instant asOf,
        Duration runFor,
        double maxRate,
        int batchSize,
        int concurrency,
        Duration progressEvery,
        boolean alwaysOpen,
        Path summaryFile,
        Path acknowledgedFile,
        TrafficSettings traffic,
        double gpsShare) {

    /**
     * The services judge ages on the wall clock, so while a replay lags behind now, a queued truck looks as old
     * as the time since it joined the queue in simulated time plus the lag: at most the history. Below the
     * default 90 min alert threshold and the 120 min stall-after, a replay never raises a false alert.
     */
    static final Duration DEFAULT_REPLAY_HISTORY = Duration.ofMinutes(85);

    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d\\d:?\\d\\d)$");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)([dhms])");

    static final String USAGE = """
            usage: java -jar traffic-simulator.jar [options]

            Sends realistic border traffic to shipment-ingest's REST API, as carriers' systems do.

            Where to send
              --ingest-url URL[,URL...]   shipment-ingest base URL (default http://localhost:8081); several
                                          instances take requests in turn, a refused one is skipped
              --signing-key FILE          PEM private key to sign carrier tokens (the local stack's
                                          deploy/local/keys/private-key.pem)
              --issuer URL                issuer of the signed tokens (default https://borderflow.local)
              --carrier-token ID=TOKEN    use this carrier with this token instead of signing (repeatable)
            Time
              --speed N                   replay simulated time N times faster than real time until it has
                                          caught up with now, then go on live (default 1 = real time)
              --history DURATION          how far in the past the run starts (default 0; 85m when --speed > 1,
                                          see README; at most 6d12h: the API refuses events older than 7 days)
              --duration DURATION         stop after this much real time (default: run until Ctrl-C)
              --as-of DATE-TIME           shape the traffic as if the run started at this time (commercial
                                          hours, hour, day, month), e.g. 2026-12-01T03:00-06:00 or
                                          2026-12-01T23:30[America/Chicago]; events are still stamped now
            Traffic
              --seed N                    seed of every random draw (default 42)
              --run-id ID                 prefix of shipment ids (default derived from the start time)
              --volume-scale X            multiply every crossing's annual volume (default 1)
              --southbound-share X        southbound trucks per northbound truck (default 0.3)
              --fast-share X              northbound share in FAST lanes where they exist (default 0.25)
              --always-open               ignore commercial hours (demos at night; smoke tests)
              --no-episodes               no slowdowns or closures
              --episode-every DURATION    a slowdown and a closure each cycle (default 6h)
              --episode-duration DURATION (default 2h)
              --first-slowdown-after DURATION, --first-closure-after DURATION  into each cycle (15m, 30m)
            Imperfections (fractions)
              --duplicate-rate X (0.01)  --out-of-order-rate X (0.02)  --missing-rate X (0.02)  --stalled-rate X (0.002)
            Delivery
              --max-rate N                at most N events (checkpoints and registrations) per second
              --batch-size N              checkpoints per batch post (default 200, at most 1000)
              --concurrency N             requests in flight (default 8)
              --progress-every DURATION   progress line interval (default 10s)
              --summary FILE              write a JSON summary of the run when it ends
              --acknowledged FILE         write the id of every checkpoint ingest acknowledged, one a line
              --gps-share X               share of carriers that send their trucks' GPS positions instead of
                                          checkpoints (default 0); ingest derives the checkpoints at its geofences

            DURATION: 90s, 10m, 2h, 1d, 6d12h
            """;

    static SimulatorOptions parse(String[] args, Instant now) {
        List<URI> ingestUrls = List.of(URI.create("http://localhost:8081/"));
        Path signingKey = null;
        String issuer = "https://borderflow.local";
        Map<String, String> carrierTokens = new LinkedHashMap<>();
        double speed = 1;
        Duration history = null;
        Instant asOf = null;
        Duration runFor = null;
        double maxRate = Double.POSITIVE_INFINITY;
        int batchSize = 200;
        int concurrency = 8;
        Duration progressEvery = Duration.ofSeconds(10);
        boolean alwaysOpen = false;
        Path summaryFile = null;
        Path acknowledgedFile = null;
        double gpsShare = 0;
        long seed = 42;
        String runId = null;
        double volumeScale = 1;
        double southboundShare = 0.3;
        double fastShare = 0.25;
        Imperfections defaults = Imperfections.DEFAULT;
        double duplicate = defaults.duplicateRate();
        double outOfOrder = defaults.outOfOrderRate();
        double missing = defaults.missingRate();
        double stalled = defaults.stalledRate();
        TrafficSettings.EpisodePlan episodes = TrafficSettings.EpisodePlan.DEFAULT;
        boolean noEpisodes = false;
        Duration every = episodes.every();
        Duration episodeDuration = episodes.duration();
        Duration slowdownAfter = episodes.slowdownAfter();
        Duration closureAfter = episodes.closureAfter();

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(null);
            }
            if (option.equals("--always-open")) {
                alwaysOpen = true;
                continue;
            }
            if (option.equals("--no-episodes")) {
                noEpisodes = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--ingest-url" -> ingestUrls = Arrays.stream(value.split(","))
                            .map(String::strip).filter(url -> !url.isEmpty())
                            .map(url -> URI.create(url.endsWith("/") ? url : url + "/")).toList();
                    case "--signing-key" -> signingKey = Path.of(value);
                    case "--issuer" -> issuer = value;
                    case "--carrier-token" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new UsageException("--carrier-token needs ID=TOKEN");
                        }
                        carrierTokens.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    case "--speed" -> speed = Double.parseDouble(value);
                    case "--history" -> history = duration(value);
                    case "--duration" -> runFor = duration(value);
                    case "--as-of" -> asOf = dateTime(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--run-id" -> runId = value;
                    case "--volume-scale" -> volumeScale = Double.parseDouble(value);
                    case "--southbound-share" -> southboundShare = Double.parseDouble(value);
                    case "--fast-share" -> fastShare = Double.parseDouble(value);
                    case "--episode-every" -> every = duration(value);
                    case "--episode-duration" -> episodeDuration = duration(value);
                    case "--first-slowdown-after" -> slowdownAfter = duration(value);
                    case "--first-closure-after" -> closureAfter = duration(value);
                    case "--duplicate-rate" -> duplicate = Double.parseDouble(value);
                    case "--out-of-order-rate" -> outOfOrder = Double.parseDouble(value);
                    case "--missing-rate" -> missing = Double.parseDouble(value);
                    case "--stalled-rate" -> stalled = Double.parseDouble(value);
                    case "--max-rate" -> maxRate = Double.parseDouble(value);
                    case "--batch-size" -> batchSize = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--progress-every" -> progressEvery = duration(value);
                    case "--summary" -> summaryFile = Path.of(value);
                    case "--acknowledged" -> acknowledgedFile = Path.of(value);
                    case "--gps-share" -> gpsShare = Double.parseDouble(value);
                    default -> throw new UsageException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new UsageException(option + ": not a number: " + value);
            }
        }
        if (signingKey == null && carrierTokens.isEmpty()) {
            throw new UsageException("give --signing-key (the local stack's dev key) or --carrier-token ID=TOKEN");
        }
        if (batchSize < 1 || batchSize > 1000 || concurrency < 1 || !(maxRate > 0)) {
            throw new UsageException("--batch-size must be 1..1000, --concurrency and --max-rate positive");
        }
        if (!(gpsShare >= 0 && gpsShare <= 1)) {
            throw new UsageException("--gps-share must be within 0..1");
        }
        if (history == null) {
            history = speed > 1 ? DEFAULT_REPLAY_HISTORY : Duration.ZERO;
        }
        if (runId == null) {
            // base 36 of the start second: short, and different for every run
            runId = "SIM" + Long.toString(now.getEpochSecond(), 36).toUpperCase(Locale.ROOT);
        }
        TrafficSettings.EpisodePlan plan = noEpisodes ? TrafficSettings.EpisodePlan.NONE
                : new TrafficSettings.EpisodePlan(true, slowdownAfter, closureAfter, episodeDuration, every);
        TrafficSettings traffic;
        try {
            traffic = new TrafficSettings(seed, runId, volumeScale, southboundShare, fastShare,
                    carrierTokens.isEmpty() ? TrafficSettings.DEFAULT_CARRIERS : List.copyOf(carrierTokens.keySet()),
                    new Imperfections(duplicate, outOfOrder, missing, stalled), plan);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (ingestUrls.isEmpty()) {
            throw new UsageException("--ingest-url needs at least one URL");
        }
        return new SimulatorOptions(ingestUrls, signingKey, issuer, carrierTokens, speed, history, asOf, runFor, maxRate,
                batchSize, concurrency, progressEvery, alwaysOpen, summaryFile, acknowledgedFile, traffic, gpsShare);
    }

    /** An ISO-8601 date and time with an offset or a zone (or both): 2026-12-01T03:00-06:00, …T03:00Z. */
    static Instant dateTime(String text) {
        String value = text.trim();
        int zone = value.indexOf('[');
        try {
            if (zone > 0 && value.endsWith("]") && !OFFSET.matcher(value.substring(0, zone)).find()) {
                // a local time in a named zone: the zone's rules give the offset (daylight time or not)
                return LocalDateTime.parse(value.substring(0, zone)).atZone(ZoneId.of(value.substring(zone + 1, value.length() - 1)))
                        .toInstant();
            }
            return ZonedDateTime.from(DateTimeFormatter.ISO_DATE_TIME.parse(value)).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException("not a date and time with an offset or zone: " + text
                    + " (e.g. 2026-12-01T03:00-06:00 or 2026-12-01T03:00[America/Chicago])");
        }
    }

    /** 90s, 10m, 2h, 1d, 6d12h, or ISO-8601 (PT2H). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        Matcher matcher = DURATION_PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new UsageException("not a duration: " + text + " (e.g. 90s, 10m, 2h, 1d)");
        }
        return total;
    }

    /** A command line that cannot run; the message says why (null: just show usage). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
