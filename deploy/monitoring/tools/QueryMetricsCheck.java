import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every metric a Prometheus rule or a Grafana dashboard of deploy/monitoring queries is one the services export.
 *
 * <pre>java deploy/monitoring/tools/QueryMetricsCheck.java ROOT SCRAPE...
 * java deploy/monitoring/tools/QueryMetricsCheck.java --self-test</pre>
 *
 * ROOT is the repository; each SCRAPE is a services' /q/metrics URL or a file holding one's text. Reads every
 * {@code expr:} (and {@code record:}) of deploy/monitoring/rules/*.yml and every {@code "expr"}/{@code "query"} of
 * deploy/monitoring/dashboards/*.json, takes the metric names out of each PromQL expression (see {@link #metricNames})
 * and accepts a name when
 * <ol>
 *   <li>a scrape has it (a sample's name, so {@code _bucket}, {@code _count}, {@code _sum} count as they are served);
 *   <li>a recording rule of the rule files records it;
 *   <li>Prometheus itself writes it ({@link #PROMETHEUS_SERIES}: {@code up}, {@code ALERTS}, …); or
 *   <li>a service's code declares it as a counter or timer ({@code Counter.builder("a.b")}, {@code Timer.builder(…)}
 *       under {@code <service>/src/main/java}): Micrometer registers those at their first increment, so a dead letter
 *       or a failed notification that has not happened yet is not in any scrape. These are listed apart.
 * </ol>
 * Prints each query's names and exits 1 when one is none of these, 2 when a scrape cannot be read.
 */
public class QueryMetricsCheck {

    static final List<String> SERVICES = List.of("shipment-ingest", "delay-analyzer", "alert-service", "service-support");

    /** Series that Prometheus writes about each target and each alert, not the services. */
    static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    /** PromQL words that are neither functions (those are followed by "(") nor metrics. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "inf", "nan", "start", "end");

    record Query(String file, String expression) {}

    /** The extraction's table test ({@code --self-test}): expression, the metric names it names. */
    static final Map<String, Set<String>> EXAMPLES = Map.of(
            "sum by (le) (rate(a_seconds_bucket{uri!~\"/q/.*\"}[5m]))", Set.of("a_seconds_bucket"),
            "max without(instance) (b) / on(job) group_left c > bool 2e3 or vector(0)", Set.of("b", "c"),
            "min_over_time(d[10m:1m] offset 5m) > 0 and delta(e[10m]) >= 0", Set.of("d", "e"),
            "label_values(f_minutes, crossing)", Set.of("f_minutes"),
            "g{crossing=~\"$crossing\", lane=~\"${lane}\"} > $threshold unless h:rate5m", Set.of("g", "h:rate5m"),
            "topk(10, count by (x) (i)) * ignoring(y) group_right sum without (z) (j) # k", Set.of("i", "j"),
            "time() - max(ALERTS{alertstate='firing'}) + inf", Set.of("ALERTS"));

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--self-test")) {
            EXAMPLES.forEach((expression, expected) -> {
                if (!metricNames(expression).equals(expected)) {
                    System.err.println("self-test: " + expression + " names " + metricNames(expression) + ", not " + expected);
                    System.exit(1);
                }
            });
            System.out.println("  QueryMetricsCheck: the metric names of " + EXAMPLES.size() + " example expressions as expected");
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: java QueryMetricsCheck.java ROOT SCRAPE...  (SCRAPE: a /q/metrics URL or a file)");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path monitoring = root.resolve("deploy/monitoring");
        List<Query> queries = new ArrayList<>();
        Set<String> recorded = new TreeSet<>();
        for (Path file : files(monitoring.resolve("rules"), ".yml")) {
            ruleFile(file, root, queries, recorded);
        }
        for (Path file : files(monitoring.resolve("dashboards"), ".json")) {
            dashboard(file, root, queries);
        }

        Set<String> scraped = new TreeSet<>();
        for (String source : List.of(args).subList(1, args.length)) {
            try {
                scraped.addAll(sampleNames(read(source)));
            } catch (IOException | InterruptedException e) {
                System.err.println("cannot read " + source + ": " + e);
                System.exit(2);
            }
        }
        Set<String> declared = declaredMeters(root);

        Map<String, Set<String>> unknown = new TreeMap<>();
        Set<String> named = new TreeSet<>();
        Set<String> fromCodeOnly = new TreeSet<>();
        for (Query query : queries) {
            for (String name : metricNames(query.expression())) {
                named.add(name);
                if (scraped.contains(name) || recorded.contains(name) || PROMETHEUS_SERIES.contains(name)) {
                    continue;
                }
                if (declared.contains(name)) {
                    fromCodeOnly.add(name);
                } else {
                    unknown.computeIfAbsent(name, n -> new TreeSet<>()).add(query.file() + ": " + query.expression());
                }
            }
        }
        System.out.printf("  %d queries in %s and %s name %d metrics; %d sample names scraped, %d recorded by rules%n",
                queries.size(), root.relativize(monitoring.resolve("rules")), root.relativize(monitoring.resolve("dashboards")),
                named.size(), scraped.size(), recorded.size());
        if (!fromCodeOnly.isEmpty()) {
            System.out.println("  declared in the services' code, not served yet (registered at their first event): "
                    + String.join(", ", fromCodeOnly));
        }
        if (unknown.isEmpty()) {
            System.out.println("  every metric a query names is exported");
            return;
        }
        unknown.forEach((name, where) -> {
            System.out.println("  NOT EXPORTED: " + name);
            where.forEach(w -> System.out.println("      in " + w));
        });
        System.exit(1);
    }

    /**
     * The metric names of a PromQL expression (a heuristic, not a parser; it is enough for the expressions written
     * here): drop string literals, comments, label matchers {@code {…}}, ranges and subqueries {@code […]}, the label
     * lists of {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left}, {@code group_right},
     * {@code offset} durations, Grafana variables ({@code $var}, {@code ${var}}) and {@code label_values(…, label)}'s
     * label; then every identifier left is a metric unless it is a number, a {@link #KEYWORDS keyword} or followed by
     * "(" (a function or an aggregation). A selector written only as {@code {__name__="…"}} is not seen.
     */
    static Set<String> metricNames(String expression) {
        String s = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", " ")
                .replaceAll("#[^\\n]*", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+-?[0-9a-zA-Z]+", " ")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ")
                .replaceAll("\\blabel_values\\s*\\(([^,()]*),\\s*\\w+\\s*\\)", " $1 ")
                .replaceAll("\\blabel_values\\s*\\(\\s*\\w+\\s*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(0x[0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)|([a-zA-Z_:][a-zA-Z0-9_:]*)")
                .matcher(s);
        while (m.find()) {
            String word = m.group(2);
            if (word == null || KEYWORDS.contains(word.toLowerCase())) {
                continue;
            }
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            if (next < s.length() && s.charAt(next) == '(') {
                continue;
            }
            names.add(word);
        }
        return names;
    }

    /**
     * The {@code expr:} and {@code record:} values of a rule file, plain or block scalars ({@code |}, {@code >}).
     * promtool checks the files' YAML; this reads only these two keys.
     */
    static void ruleFile(Path file, Path root, List<Query> queries, Set<String> recorded) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Pattern key = Pattern.compile("^(\\s*)(?:-\\s+)?(expr|record):\\s*(.*?)\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String value = m.group(3);
            if (value.matches("[|>][-+]?")) {
                int indent = m.group(1).length();
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                    block.append(lines.get(++i).strip()).append('\n');
                }
                value = block.toString().strip();
            } else if (value.length() > 1 && (value.startsWith("'") || value.startsWith("\""))) {
                value = value.substring(1, value.length() - 1).replace("''", "'").replace("\\\"", "\"");
            }
            if (m.group(2).equals("record")) {
                recorded.add(value);
            } else {
                queries.add(new Query(root.relativize(file).toString(), value));
            }
        }
    }

    /** Every {@code "expr"} (panel targets) and {@code "query"} (template variables) string of a dashboard. */
    static void dashboard(Path file, Path root, List<Query> queries) throws IOException {
        Matcher m = Pattern.compile("\"(expr|query)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(file));
        while (m.find()) {
            String expression = unescapeJson(m.group(2));
            if (!expression.isBlank()) {
                queries.add(new Query(root.relativize(file).toString(), expression));
            }
        }
    }

    static String unescapeJson(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b', 'f' -> out.append(' ');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** The names of the samples of a Prometheus text exposition. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            Matcher m = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Counters and timers the services' code declares, by the names Micrometer's Prometheus registry gives them. */
    static Set<String> declaredMeters(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern builder = Pattern.compile("\\b(Counter|Timer)\\.builder\\(\\s*\"([^\"]+)\"");
        for (String service : SERVICES) {
            Path sources = root.resolve(service).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = builder.matcher(Files.readString(file));
                    while (m.find()) {
                        String base = m.group(2).replace('.', '_');
                        if (m.group(1).equals("Counter")) {
                            names.add(base + "_total");
                        } else {
                            for (String suffix : List.of("", "_count", "_sum", "_max", "_bucket")) {
                                names.add(base + "_seconds" + suffix);
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    static String read(String source) throws IOException, InterruptedException {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return Files.readString(Path.of(source));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
