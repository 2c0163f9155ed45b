package io.borderflow.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The typed models of the kinds BorderFlow's manifests use: fabric8's for Kubernetes' own kinds, Strimzi's for
 * Kafka, node pools and topics. Both keep unknown fields in an "additional properties" map instead of refusing
 * them; {@link #STRICT} turns that off, so a misspelt or misplaced field fails to parse.
 */
final class TypedModels {

    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return Boolean.FALSE;
                }
            });

    /** apiVersion and kind → model. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Stream.of(
                    ConfigMap.class, Service.class, Deployment.class, StatefulSet.class, PodDisruptionBudget.class,
                    HorizontalPodAutoscaler.class, Ingress.class, Kafka.class, KafkaNodePool.class, KafkaTopic.class)
            .collect(Collectors.toMap(TypedModels::key, Function.identity()));

    /** Strimzi's models read every API version its CRDs serve; the annotation names only the stored one. */
    private static final Map<Class<?>, List<String>> STRIMZI_VERSIONS = Map.of(
            Kafka.class, Kafka.VERSIONS, KafkaNodePool.class, KafkaNodePool.VERSIONS,
            KafkaTopic.class, KafkaTopic.VERSIONS);

    private static String key(Class<? extends HasMetadata> model) {
        return HasMetadata.getGroup(model) + "/" + HasMetadata.getKind(model);
    }

    static Optional<Class<? extends HasMetadata>> model(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Class<? extends HasMetadata> model = MODELS.get(group + "/" + object.path("kind").asText());
        if (model == null) {
            return Optional.empty();
        }
        List<String> versions = STRIMZI_VERSIONS.getOrDefault(model, List.of(HasMetadata.getVersion(model)));
        return versions.contains(version) ? Optional.of(model) : Optional.empty();
    }

    private TypedModels() {
    }
}
