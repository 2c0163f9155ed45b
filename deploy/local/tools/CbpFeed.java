import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in for CBP's Border Wait Times feed (no machine here reaches bwt.cbp.gov): serves the recorded snapshots
 * of a directory at /xml/bwt.xml, one per hour in turn, shifted to now — the feed's own time the latest 5 minutes
 * (Eastern, as CBP's), every port's date today, and every lane's update time the latest full hour in the port's
 * own zone with that zone's abbreviation now (CDT/CST, MDT/MST, MST all year in Arizona, PDT/PST). Waits, lanes
 * and statuses stay as recorded. Answers ETag and Last-Modified, and 304 to a matching conditional GET.
 * Run by deploy/local/up as a single-file program with shipment-events on the class path (the crossings' zones).
 *
 * usage: CbpFeed.java PORT SNAPSHOT_DIR
 */
public class CbpFeed {

    private static final ZoneId FEED_ZONE = ZoneId.of("America/New_York");
    /** CDT or CST as the date has it; MST all year for America/Phoenix. */
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final Pattern PORT = Pattern.compile("<port>.*?</port>", Pattern.DOTALL);
    private static final Pattern PORT_NUMBER = Pattern.compile("<port_number>\\s*([^<]*?)\\s*</port_number>");
    private static final Pattern UPDATE_TIME = Pattern.compile("<update_time>\\s*At [^<]*?([A-Z]{3})\\s*</update_time>");
    private static final Pattern ENCODING = Pattern.compile("encoding=['\"]([^'\"]+)['\"]");
    /** A port outside the catalog takes the zone its recorded abbreviation names. */
    private static final Map<Character, ZoneId> BY_ABBREVIATION = Map.of('E', ZoneId.of("America/New_York"),
            'C', ZoneId.of("America/Chicago"), 'M', ZoneId.of("America/Denver"), 'P', ZoneId.of("America/Los_Angeles"));

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CbpFeed.java PORT SNAPSHOT_DIR");
            System.exit(2);
        }
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            snapshots = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("no .xml snapshot in " + args[1]);
        }
        CrossingCatalog catalog = CrossingCatalog.load();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/xml/bwt.xml", exchange -> serve(exchange, snapshots, catalog));
        server.start();
        System.out.printf("serving %d CBP snapshots, shifted to now, at http://127.0.0.1:%s/xml/bwt.xml%n",
                snapshots.size(), args[0]);
    }

    private static void serve(HttpExchange exchange, List<Path> snapshots, CrossingCatalog catalog) throws IOException {
        try (exchange) {
            Instant feedTime = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            feedTime = feedTime.minus(feedTime.atZone(FEED_ZONE).getMinute() % 5, ChronoUnit.MINUTES);
            Path snapshot = snapshots.get((int) (feedTime.getEpochSecond() / 3600 % snapshots.size()));
            byte[] raw = Files.readAllBytes(snapshot);
            Matcher declared = ENCODING.matcher(new String(raw, 0, Math.min(raw.length, 100), StandardCharsets.US_ASCII));
            Charset charset = declared.find() ? Charset.forName(declared.group(1)) : StandardCharsets.UTF_8;
            byte[] body = shift(new String(raw, charset), feedTime, catalog).getBytes(charset);
            String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 8) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(feedTime.atZone(ZoneId.of("GMT"))));
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=" + charset.name());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String shift(String xml, Instant feedTime, CrossingCatalog catalog) {
        ZonedDateTime eastern = feedTime.atZone(FEED_ZONE);
        String shifted = xml
                .replaceFirst("<last_updated_date>[^<]*</last_updated_date>", "<last_updated_date>"
                        + eastern.getYear() + "-" + eastern.getMonthValue() + "-" + eastern.getDayOfMonth()
                        + "</last_updated_date>")
                .replaceFirst("<last_updated_time>[^<]*</last_updated_time>", "<last_updated_time>"
                        + eastern.getHour() + ":" + eastern.getMinute() + ":" + eastern.getSecond() + "</last_updated_time>")
                .replaceAll("<date>[^<]*</date>", "<date>" + eastern.getMonthValue() + "/" + eastern.getDayOfMonth()
                        + "/" + eastern.getYear() + "</date>");
        Matcher port = PORT.matcher(shifted);
        StringBuilder out = new StringBuilder();
        while (port.find()) {
            String block = port.group();
            Matcher number = PORT_NUMBER.matcher(block);
            ZoneId catalogZone = number.find()
                    ? catalog.byWaitTimesPortNumber(number.group(1)).map(Crossing::zone).orElse(null) : null;
            Matcher update = UPDATE_TIME.matcher(block);
            StringBuilder lanes = new StringBuilder();
            while (update.find()) {
                ZoneId zone = catalogZone != null ? catalogZone
                        : BY_ABBREVIATION.getOrDefault(update.group(1).charAt(0), FEED_ZONE);
                update.appendReplacement(lanes, Matcher.quoteReplacement(
                        "<update_time>" + updateTime(feedTime.atZone(zone).truncatedTo(ChronoUnit.HOURS)) + "</update_time>"));
            }
            update.appendTail(lanes);
            port.appendReplacement(out, Matcher.quoteReplacement(lanes.toString()));
        }
        port.appendTail(out);
        return out.toString();
    }

    /** As CBP writes it: "At 6:00 pm CDT", "At Noon CDT", "At Midnight MST". */
    static String updateTime(ZonedDateTime at) {
        String abbreviation = ABBREVIATION.format(at);
        if (at.getHour() == 0) {
            return "At Midnight " + abbreviation;
        }
        if (at.getHour() == 12) {
            return "At Noon " + abbreviation;
        }
        return "At " + (at.getHour() % 12 == 0 ? 12 : at.getHour() % 12) + ":00 " + (at.getHour() < 12 ? "am" : "pm")
                + " " + abbreviation;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
