package io.borderflow.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderflow.events.TopicDefinition;
import io.borderflow.events.Topics;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays, rendered as kubectl applies them: typed, without unknown fields, and consistent with the code. */
class RenderedManifestsTest {

    private static final List<CrdSchema> CRDS = List.of(
            CrdSchema.load("/crds/cloudnative-pg-cluster.yaml"),
            CrdSchema.load("/crds/keda-scaledobject.yaml"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectParsesIntoItsTypedModelWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : manifests.objects()) {
            String what = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            var model = TypedModels.model(object);
            var crd = CRDS.stream().filter(c -> c.kind().equals(object.path("kind").asText())
                    && object.path("apiVersion").asText().startsWith(c.apiGroup() + "/")).findFirst();
            if (model.isPresent()) {
                try {
                    TypedModels.STRICT.treeToValue(object, model.get());
                } catch (Exception e) {
                    problems.add(what + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            } else if (crd.isPresent()) {
                crd.get().violations(object).forEach(p -> problems.add(what + p));
            } else {
                problems.add(what + ": no typed model nor CRD for " + object.path("apiVersion").asText());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(manifests.objects().stream().map(o -> o.path("kind").asText()).collect(Collectors.toSet()))
                .containsAll(Set.of("Deployment", "StatefulSet", "Service", "PodDisruptionBudget", "Ingress",
                        "HorizontalPodAutoscaler", "ScaledObject", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster"));
    }

    @Test
    void aMisspeltFieldFailsEveryKindOfCheck() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode deployment = json.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"}, "spec": {"replica": 2}}""");
        assertThatThrownBy(() -> TypedModels.STRICT.treeToValue(deployment, Deployment.class))
                .hasMessageContaining("replica");
        JsonNode topic = json.readTree("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaTopic", "metadata": {"name": "x"},
                 "spec": {"partition": 3}}""");
        assertThatThrownBy(() -> TypedModels.STRICT.treeToValue(topic, TypedModels.model(topic).orElseThrow()))
                .hasMessageContaining("partition");
        JsonNode cluster = json.readTree("""
                {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster", "metadata": {"name": "x"},
                 "spec": {"instances": "two", "storage": {"sizes": "1Gi"}}}""");
        assertThat(CRDS.get(0).violations(cluster))
                .containsExactlyInAnyOrder(".spec.instances: expected an integer, got STRING", ".spec.storage.sizes: unknown field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceListensWhereItsConfigurationSaysAndIsProbedOnItsHealthChecks(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : Manifests.SERVICES) {
            JsonNode container = workload(manifests, service).at("/spec/template/spec/containers/0");
            String port = Manifests.applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(container.at("/ports/0/containerPort").asText()).as(service).isEqualTo(port);
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(manifests.named("Service", service).at("/spec/ports/0/port").asText()).isEqualTo(port);
            assertThat(container.at("/resources/requests").size()).isPositive();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void lagScalersWatchTheConsumerGroupsTheServicesUseOnTheBrokersTheyUse(String overlay) throws Exception {
        Manifests manifests = Manifests.render(overlay);
        Properties alerts = Manifests.applicationProperties("alert-service");
        // the group the instances share; a group of its own per instance (its id has a placeholder) has no lag to scale on
        Set<String> alertGroups = alerts.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".group.id"))
                .map(alerts::getProperty).filter(group -> !group.contains("${")).collect(Collectors.toSet());
        assertThat(alertGroups).hasSize(1);
        Map<String, String> groups = Map.of(
                "alert-service", alertGroups.iterator().next(),
                "delay-analyzer", Manifests.applicationProperties("delay-analyzer")
                        .getProperty("quarkus.kafka-streams.application-id"));

        JsonNode kafka = manifests.ofKind("Kafka").get(0);
        JsonNode plain = Stream.of(kafka.at("/spec/kafka/listeners")).flatMap(l -> l.findParents("name").stream())
                .filter(l -> l.path("name").asText().equals("plain")).findFirst().orElseThrow();
        String bootstrap = kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + plain.path("port").asText();
        assertThat(manifests.named("ConfigMap", "borderflow-services").at("/data/KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(bootstrap);

        Set<String> topics = Topics.ALL.stream().map(TopicDefinition::name).collect(Collectors.toSet());
        Set<String> scalerParameters;
        try (var in = getClass().getResourceAsStream("/crds/keda-kafka-scaler-parameters.txt")) {
            scalerParameters = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.toSet());
        }
        assertThat(manifests.ofKind("ScaledObject")).hasSize(groups.size());
        for (JsonNode scaler : manifests.ofKind("ScaledObject")) {
            String target = scaler.at("/spec/scaleTargetRef/name").asText();
            workload(manifests, target);
            assertThat(scaler.at("/spec/triggers/0/type").asText()).isEqualTo("kafka");
            JsonNode trigger = scaler.at("/spec/triggers/0/metadata");
            assertThat(trigger.properties()).extracting(Map.Entry::getKey).isSubsetOf(scalerParameters);
            assertThat(trigger.path("consumerGroup").asText()).as(target).isEqualTo(groups.get(target));
            assertThat(trigger.path("bootstrapServers").asText()).isEqualTo(bootstrap);
            if (trigger.has("topic")) {
                assertThat(topics).contains(trigger.path("topic").asText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferenceNamesAnObjectOfTheSameOverlay(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String kind : List.of("Service", "PodDisruptionBudget")) {
            for (JsonNode object : manifests.ofKind(kind)) {
                JsonNode selector = kind.equals("Service") ? object.at("/spec/selector")
                        : object.at("/spec/selector/matchLabels");
                assertThat(Stream.of("Deployment", "StatefulSet").flatMap(k -> manifests.ofKind(k).stream())
                        .filter(w -> matches(selector, w.at("/spec/template/metadata/labels"))))
                        .as("%s %s selects a workload", kind, object.at("/metadata/name").asText()).hasSize(1);
            }
        }
        for (JsonNode hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            workload(manifests, hpa.at("/spec/scaleTargetRef/name").asText());
        }
        for (JsonNode backend : manifests.named("Ingress", "borderflow").findValues("service")) {
            JsonNode service = manifests.named("Service", backend.path("name").asText());
            assertThat(service.at("/spec/ports").findValuesAsText("name")).contains(backend.at("/port/name").asText());
        }
        String kafka = manifests.ofKind("Kafka").get(0).at("/metadata/name").asText();
        Stream.of("KafkaTopic", "KafkaNodePool").flatMap(k -> manifests.ofKind(k).stream()).forEach(o ->
                assertThat(o.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka));

        JsonNode database = manifests.ofKind("Cluster").get(0);
        String cluster = database.at("/metadata/name").asText();
        String name = database.at("/spec/bootstrap/initdb/database").asText();
        JsonNode config = manifests.named("ConfigMap", "borderflow-services").path("data");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:" + config.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText())
                .isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/" + name);
        for (String service : Manifests.SERVICES) {
            JsonNode pod = workload(manifests, service).at("/spec/template/spec");
            assertThat(pod.findValues("secretKeyRef").stream().map(s -> s.path("name").asText())
                    .filter(s -> s.startsWith(cluster))).containsOnly(cluster + "-app");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theBrokersCanHoldTheReplicasTheTopicsAsk(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        int brokers = manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> texts(p.at("/spec/roles")).contains("broker"))
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        JsonNode config = manifests.ofKind("Kafka").get(0).at("/spec/kafka/config");
        int replication = config.path("default.replication.factor").asInt();
        assertThat(replication).isBetween(1, brokers);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isBetween(1, brokers);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).isBetween(1, brokers);
        // acks=all then survives one broker down, unless there is only one
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(Math.max(1, replication - 1));
        assertThat(manifests.ofKind("KafkaTopic").stream().map(t -> t.at("/metadata/name").asText()))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicDefinition::name).toList());
    }

    private static JsonNode workload(Manifests manifests, String name) {
        return Stream.of("Deployment", "StatefulSet").flatMap(k -> manifests.ofKind(k).stream())
                .filter(w -> w.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(manifests.overlay() + ": no workload " + name));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        return selector instanceof ObjectNode && selector.size() > 0
                && selector.properties().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
