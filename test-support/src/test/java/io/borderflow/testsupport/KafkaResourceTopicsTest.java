package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.TopicDefinition;
import io.borderflow.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** A test broker has every BorderFlow topic laid out as the deployments create it, plus a test's own. */
class KafkaResourceTopicsTest {

    @Test
    void everyBorderFlowTopicIsCreatedWithItsPartitionsAndCleanupAndATestOnlyTopicBesides() throws Exception {
        KafkaResource resource = new KafkaResource();
        resource.init(Map.of("topics", "scratch:2:compact"));
        Map<String, String> config = resource.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
            List<TopicDefinition> expected = new ArrayList<>(Topics.ALL);
            expected.add(new TopicDefinition("scratch", 2, TopicDefinition.Cleanup.COMPACT));
            List<String> names = expected.stream().map(TopicDefinition::name).toList();

            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<String, String> policies = admin.describeConfigs(resources).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), e -> policy(e.getValue())));

            List<TopicDefinition> created = names.stream().map(name -> new TopicDefinition(name,
                    described.get(name).partitions().size(),
                    TopicDefinition.Cleanup.valueOf(policies.get(name).toUpperCase()))).toList();
            assertThat(created).containsExactlyElementsOf(expected);
        } finally {
            resource.stop();
        }
    }

    @Test
    void aBorderFlowTopicCannotBeLaidOutDifferentlyInATest() {
        KafkaResource resource = new KafkaResource();

        assertThatThrownBy(() -> resource.init(Map.of("topics", "scratch,shipment-delays.v1:3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shipment-delays.v1 is a BorderFlow topic");
    }

    @Test
    void withoutTestOnlyTopicsTheListIsShipmentEventsList() {
        assertThat(TopicSpec.borderflowAnd(null)).isEqualTo(TopicSpec.borderflow())
                .extracting(TopicSpec::name).containsExactlyElementsOf(Topics.ALL.stream().map(TopicDefinition::name).toList());
        assertThat(TopicSpec.borderflowAnd("a:3,b")).endsWith(new TopicSpec("a", 3, false), new TopicSpec("b", 1, false));
    }

    private static String policy(Config config) {
        return config.get("cleanup.policy").value();
    }
}
