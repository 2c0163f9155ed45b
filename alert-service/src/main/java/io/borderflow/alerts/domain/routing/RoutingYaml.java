package io.borderflow.alerts.domain.routing;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the subset of Alertmanager's configuration that BorderFlow routes with: {@code route}, {@code receivers}
 * (webhook, PagerDuty, email) and {@code inhibit_rules}, with Alertmanager's field names, inheritance and
 * defaults. Every problem is collected with its line; an unknown field is a problem (as in Alertmanager), so
 * nothing written is silently ignored. Without {@code inhibit_rules} the {@link InhibitRule#LIVE_WAIT} default applies.
 */
public final class RoutingYaml {

    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Duration[] UNITS = {Duration.ofDays(365), Duration.ofDays(7), Duration.ofDays(1),
        Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1)};
    private static final String GROUP_BY_ALL = "...";

    private final List<InvalidRouting.Problem> problems = new ArrayList<>();

    private RoutingYaml() {
    }

    public static Routing parse(String yaml) {
        return new RoutingYaml().read(yaml);
    }

    /** Alertmanager's (Prometheus') duration: {@code 1h30m}, {@code 30s}, {@code 2d}, {@code 0}. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 30s, 5m, 4h, 1h30m): " + text);
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < UNITS.length; i++) {
            if (m.group(i + 1) != null) {
                total = total.plus(UNITS[i].multipliedBy(Long.parseLong(m.group(i + 1))));
            }
        }
        return total;
    }

    private Routing read(String yaml) {
        Node document;
        try {
            document = new Yaml(new LoaderOptions()).compose(new StringReader(yaml == null ? "" : yaml));
        } catch (MarkedYAMLException e) {
            throw invalid(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "yaml", e.getProblem());
        } catch (YAMLException e) {
            throw invalid(0, "yaml", e.getMessage());
        }
        if (!(document instanceof MappingNode top)) {
            throw invalid(document == null ? 0 : line(document), "yaml",
                    "a mapping with route, receivers and inhibit_rules");
        }
        Map<String, Node> fields = fields(top, "", Set.of("route", "receivers", "inhibit_rules"));
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        Node receiverList = fields.get("receivers");
        if (receiverList == null) {
            problem(top, "receivers", "required");
        } else {
            list(receiverList, "receivers").forEach(node -> receiver(node, receivers));
        }
        Route root = null;
        Node route = fields.get("route");
        if (route == null) {
            problem(top, "route", "required");
        } else {
            root = route(route, "route", null, receivers);
        }
        List<InhibitRule> inhibitRules = fields.containsKey("inhibit_rules")
                ? inhibitRules(fields.get("inhibit_rules")) : List.of(InhibitRule.LIVE_WAIT);
        if (!problems.isEmpty()) {
            throw new InvalidRouting(problems);
        }
        return new Routing(root, receivers, inhibitRules, yaml);
    }

    private Route route(Node node, String path, Route parent, Map<String, Receiver> receivers) {
        Map<String, Node> f = fields(node, path, Set.of("receiver", "matchers", "match", "match_re", "group_by",
                "group_wait", "group_interval", "repeat_interval", "continue", "routes"));
        List<LabelMatcher> matchers = new ArrayList<>();
        if (f.containsKey("matchers")) {
            for (Node item : list(f.get("matchers"), path + ".matchers")) {
                String text = scalar(item, path + ".matchers");
                try {
                    matchers.add(LabelMatcher.parse(text));
                } catch (IllegalArgumentException e) {
                    problem(item, path + ".matchers", e.getMessage());
                }
            }
        }
        matchers.addAll(mapMatchers(f.get("match"), path + ".match", LabelMatcher.Type.EQUAL));
        matchers.addAll(mapMatchers(f.get("match_re"), path + ".match_re", LabelMatcher.Type.REGEX));
        matchers.sort(Comparator.comparing(LabelMatcher::name).thenComparing(LabelMatcher::value)
                .thenComparing(LabelMatcher::type));
        boolean continueMatching = f.containsKey("continue") && bool(f.get("continue"), path + ".continue");
        if (parent == null) {
            if (!matchers.isEmpty()) {
                problem(node, path, "the root route must not have matchers");
            }
            if (continueMatching) {
                problem(f.get("continue"), path + ".continue", "the root route cannot continue");
            }
        }
        String receiver = f.containsKey("receiver") ? scalar(f.get("receiver"), path + ".receiver")
                : parent == null ? null : parent.receiver();
        if (receiver == null) {
            problem(node, path + ".receiver", "the root route needs a receiver");
        } else if (!receivers.containsKey(receiver)) {
            problem(f.getOrDefault("receiver", node), path + ".receiver", "no receiver named " + receiver);
        }
        List<String> groupBy = parent == null ? List.of() : parent.groupBy();
        boolean groupByAll = parent != null && parent.groupByAll();
        if (f.containsKey("group_by")) {
            groupBy = list(f.get("group_by"), path + ".group_by").stream().map(n -> scalar(n, path + ".group_by")).toList();
            groupByAll = groupBy.contains(GROUP_BY_ALL);
            if (groupByAll && groupBy.size() > 1) {
                problem(f.get("group_by"), path + ".group_by", "'...' groups by every label and stands alone");
            }
            if (groupByAll) {
                groupBy = List.of();
            }
        }
        Duration groupWait = timer(f, "group_wait", path, parent == null ? Route.GROUP_WAIT : parent.groupWait(), true);
        Duration groupInterval = timer(f, "group_interval", path,
                parent == null ? Route.GROUP_INTERVAL : parent.groupInterval(), false);
        Duration repeatInterval = timer(f, "repeat_interval", path,
                parent == null ? Route.REPEAT_INTERVAL : parent.repeatInterval(), false);
        String key = Route.keyOf(parent, matchers);
        Route self = new Route(key, matchers, receiver, groupBy, groupByAll, groupWait, groupInterval,
                repeatInterval, continueMatching, List.of());
        List<Route> children = new ArrayList<>();
        if (f.containsKey("routes")) {
            List<Node> items = list(f.get("routes"), path + ".routes");
            for (int i = 0; i < items.size(); i++) {
                children.add(route(items.get(i), path + ".routes[" + i + "]", self, receivers));
            }
        }
        return new Route(key, matchers, receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval,
                continueMatching, children);
    }

    private Duration timer(Map<String, Node> f, String name, String path, Duration inherited, boolean zeroAllowed) {
        Node node = f.get(name);
        if (node == null) {
            return inherited;
        }
        try {
            Duration value = duration(scalar(node, path + "." + name));
            if (value.isZero() && !zeroAllowed) {
                problem(node, path + "." + name, "cannot be zero");
            }
            return value;
        } catch (IllegalArgumentException e) {
            problem(node, path + "." + name, e.getMessage());
            return inherited;
        }
    }

    private List<LabelMatcher> mapMatchers(Node node, String path, LabelMatcher.Type type) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (node == null) {
            return matchers;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "a mapping of label names to values");
            return matchers;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            try {
                String value = scalar(tuple.getValueNode(), path);
                // Alertmanager turns match_re values into anchored expressions, and prints them so in route keys
                matchers.add(LabelMatcher.of(scalar(tuple.getKeyNode(), path), type,
                        type == LabelMatcher.Type.REGEX && value != null ? "^(?:" + value + ")$" : value));
            } catch (IllegalArgumentException e) {
                problem(tuple.getValueNode(), path, e.getMessage());
            }
        }
        return matchers;
    }

    private void receiver(Node node, Map<String, Receiver> receivers) {
        String path = "receivers[" + receivers.size() + "]";
        Map<String, Node> f = fields(node, path, Set.of("name", "webhook_configs", "pagerduty_configs", "email_configs"));
        String name = f.containsKey("name") ? scalar(f.get("name"), path + ".name") : null;
        if (name == null || name.isBlank()) {
            problem(node, path + ".name", "required");
            return;
        }
        path = "receivers." + name;
        List<Receiver.Webhook> webhooks = new ArrayList<>();
        for (Node item : optionalList(f.get("webhook_configs"), path + ".webhook_configs")) {
            Map<String, Node> w = fields(item, path + ".webhook_configs", Set.of("url", "send_resolved"));
            String url = required(w, "url", item, path + ".webhook_configs");
            if (url != null && !url.matches("https?://.+")) {
                problem(w.get("url"), path + ".webhook_configs.url", "an http(s) URL");
            }
            webhooks.add(new Receiver.Webhook(url, sendResolved(w, true, path + ".webhook_configs")));
        }
        List<Receiver.PagerDuty> pagerDuty = new ArrayList<>();
        for (Node item : optionalList(f.get("pagerduty_configs"), path + ".pagerduty_configs")) {
            Map<String, Node> p = fields(item, path + ".pagerduty_configs", Set.of("routing_key", "send_resolved"));
            pagerDuty.add(new Receiver.PagerDuty(required(p, "routing_key", item, path + ".pagerduty_configs"),
                    sendResolved(p, true, path + ".pagerduty_configs")));
        }
        List<Receiver.Email> emails = new ArrayList<>();
        for (Node item : optionalList(f.get("email_configs"), path + ".email_configs")) {
            Map<String, Node> e = fields(item, path + ".email_configs", Set.of("to", "send_resolved"));
            String to = required(e, "to", item, path + ".email_configs");
            emails.add(new Receiver.Email(to == null ? List.of() : List.of(to.split("\\s*,\\s*")),
                    sendResolved(e, false, path + ".email_configs")));
        }
        if (receivers.putIfAbsent(name, new Receiver(name, webhooks, pagerDuty, emails)) != null) {
            problem(f.get("name"), path + ".name", "a second receiver named " + name);
        }
    }

    private List<InhibitRule> inhibitRules(Node node) {
        List<InhibitRule> rules = new ArrayList<>();
        List<Node> items = list(node, "inhibit_rules");
        for (int i = 0; i < items.size(); i++) {
            String path = "inhibit_rules[" + i + "]";
            Map<String, Node> f = fields(items.get(i), path, Set.of("source_matchers", "target_matchers", "equal"));
            List<String> equal = optionalList(f.get("equal"), path + ".equal").stream()
                    .map(n -> scalar(n, path + ".equal")).toList();
            rules.add(new InhibitRule(matcherList(f.get("source_matchers"), path + ".source_matchers"),
                    matcherList(f.get("target_matchers"), path + ".target_matchers"), equal));
        }
        return rules;
    }

    private List<LabelMatcher> matcherList(Node node, String path) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (Node item : optionalList(node, path)) {
            try {
                matchers.add(LabelMatcher.parse(scalar(item, path)));
            } catch (IllegalArgumentException e) {
                problem(item, path, e.getMessage());
            }
        }
        return matchers;
    }

    private boolean sendResolved(Map<String, Node> f, boolean byDefault, String path) {
        return f.containsKey("send_resolved") ? bool(f.get("send_resolved"), path + ".send_resolved") : byDefault;
    }

    private String required(Map<String, Node> f, String name, Node owner, String path) {
        if (!f.containsKey(name)) {
            problem(owner, path + "." + name, "required");
            return null;
        }
        String value = scalar(f.get(name), path + "." + name);
        if (value != null && value.isBlank()) {
            problem(f.get(name), path + "." + name, "must not be empty");
        }
        return value;
    }

    /** The fields of a mapping by name; unknown ones are problems. */
    private Map<String, Node> fields(Node node, String path, Set<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path.isEmpty() ? "yaml" : path, "a mapping");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(tuple.getKeyNode(), path);
            String where = path.isEmpty() ? name : path + "." + name;
            if (!known.contains(name)) {
                problem(tuple.getKeyNode(), where, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (fields.put(name, tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), where, "given twice");
            }
        }
        return fields;
    }

    private List<Node> optionalList(Node node, String path) {
        return node == null || isNull(node) ? List.of() : list(node, path);
    }

    private List<Node> list(Node node, String path) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (isNull(node)) {
            return List.of();
        }
        problem(node, path, "a list");
        return List.of();
    }

    private String scalar(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, path, "a single value");
        return null;
    }

    private boolean bool(Node node, String path) {
        String value = scalar(node, path);
        if (!"true".equals(value) && !"false".equals(value)) {
            problem(node, path, "true or false");
        }
        return "true".equals(value);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    private void problem(Node node, String field, String message) {
        problems.add(new InvalidRouting.Problem(node == null ? 0 : line(node), field, message));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static InvalidRouting invalid(int line, String field, String message) {
        return new InvalidRouting(List.of(new InvalidRouting.Problem(line, field, message)));
    }
}
