package io.borderflow.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every REST endpoint the services declare reaches its own service through the Ingress: the dashboard, opened on
 * the Ingress's host, calls every API there. The endpoints are read from the JAX-RS {@code @Path} annotations in
 * each service's sources (the class's, joined with each method's), so a new endpoint the Ingress does not route
 * fails here.
 */
class IngressRoutesTest {

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEndpointReachesItsServiceThroughTheIngress(String overlay) {
        List<Rule> rules = rules(Manifests.render(overlay));
        Map<String, String> wrong = new TreeMap<>();
        for (String service : Manifests.SERVICES) {
            for (String endpoint : endpoints(service)) {
                String routedTo = route(rules, endpoint);
                if (!service.equals(routedTo)) {
                    wrong.put(endpoint, "served by " + service + ", routed to " + routedTo);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** An Ingress path: a Prefix by path elements, or (ImplementationSpecific, ingress-nginx) a regex. */
    record Rule(String path, boolean regex, String service) {

        boolean matches(String requestPath) {
            if (regex) {
                return Pattern.compile(path).matcher(requestPath).lookingAt();
            }
            return path.equals("/") || requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    private static List<Rule> rules(Manifests manifests) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode paths : ingress.findValues("paths")) {
                for (JsonNode path : paths) {
                    rules.add(new Rule(path.path("path").asText(),
                            path.path("pathType").asText().equals("ImplementationSpecific"),
                            path.at("/backend/service/name").asText()));
                }
            }
        }
        return rules;
    }

    /** As ingress-nginx chooses: among the matching paths, the longest. */
    private static String route(List<Rule> rules, String requestPath) {
        return rules.stream().filter(rule -> rule.matches(requestPath))
                .max(Comparator.comparingInt(rule -> rule.path().length())).map(Rule::service).orElse("nothing");
    }

    /** The service's endpoints as request paths, each path parameter replaced by a sample value. */
    private static List<String> endpoints(String service) {
        List<String> endpoints = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Manifests.ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher classStart = CLASS.matcher(text);
                int classAt = classStart.find() ? classStart.start() : 0;
                String base = null;
                List<String> methods = new ArrayList<>();
                Matcher path = PATH.matcher(text);
                while (path.find()) {
                    if (path.start() < classAt) {
                        base = path.group(1);
                    } else {
                        methods.add(path.group(1));
                    }
                }
                if (base != null) {
                    endpoints.add(sample(base));
                    for (String method : methods) {
                        endpoints.add(sample(base.replaceAll("/$", "") + "/" + method.replaceAll("^/", "")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(endpoints).as(service + " declares REST endpoints").isNotEmpty();
        return endpoints;
    }

    private static String sample(String path) {
        return path.replaceAll("\\{[^}]+}", "sample-id");
    }
}
