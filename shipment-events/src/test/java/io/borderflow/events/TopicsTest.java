package io.borderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.TopicDefinition.Cleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Topics#ALL} is the topic layout; the root README's Topics table promises the same to readers. Every
 * other place (local stack, test broker, Kubernetes) reads the list, so this is the only comparison needed.
 */
class TopicsTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void theReadmeTableShowsEverySourceTopicWithItsPartitionsAndCleanup() throws IOException {
        List<TopicDefinition> promised = readmeRows().stream()
                .filter(row -> !row.name().startsWith("<"))
                .toList();

        assertThat(promised).containsExactlyElementsOf(Topics.SOURCES);
    }

    @Test
    void theReadmeTableShowsTheDeadLetterLayout() throws IOException {
        TopicDefinition promised = readmeRows().stream().filter(row -> row.name().equals("<topic>.dlq"))
                .findFirst().orElseThrow();

        assertThat(Topics.ALL).filteredOn(topic -> topic.name().endsWith(".dlq"))
                .hasSize(Topics.SOURCES.size())
                .allSatisfy(dlq -> {
                    assertThat(dlq.partitions()).isEqualTo(promised.partitions());
                    assertThat(dlq.cleanup()).isEqualTo(promised.cleanup());
                });
    }

    @Test
    void everySourceTopicHasItsDeadLetterTopicAndNoNameRepeats() {
        assertThat(Topics.ALL).extracting(TopicDefinition::name).doesNotHaveDuplicates()
                .containsAll(Topics.SOURCES.stream().map(topic -> Topics.deadLetter(topic.name())).toList());
        assertThat(Topics.ALL).startsWith(Topics.SOURCES.toArray(TopicDefinition[]::new));
    }

    @Test
    void aCompactedTopicIsCreatedWithTheCompactPolicy() {
        TopicDefinition crossingDelays = Topics.SOURCES.get(2);

        assertThat(crossingDelays.name()).isEqualTo(Topics.CROSSING_DELAYS);
        assertThat(crossingDelays.configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(crossingDelays.deadLetter().configs()).isEqualTo(Map.of("cleanup.policy", "delete"));
    }

    @Test
    void everyTopicNamesTheEventTypeOfItsRecordsAndADeadLetterTopicItsSources() {
        assertThat(Topics.SOURCES).allSatisfy(topic -> {
            assertThat(Topics.eventType(topic.name())).as(topic.name()).isPresent();
            assertThat(Topics.eventType(Topics.deadLetter(topic.name()))).isEqualTo(Topics.eventType(topic.name()));
            assertThat(Topics.isDeadLetter(topic.name())).isFalse();
            assertThat(Topics.isDeadLetter(Topics.deadLetter(topic.name()))).isTrue();
        });
        assertThat(Topics.eventType("delay-analyzer-journeys-changelog")).isEmpty();
    }

    @Test
    void aTopicWithoutPartitionsIsRefused() {
        assertThatThrownBy(() -> new TopicDefinition("empty.v1", 0, Cleanup.DELETE))
                .hasMessageContaining("empty.v1");
    }

    /** The rows of the table under "## Topics": topic, key, value, partitions, cleanup. */
    private static List<TopicDefinition> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Topics");
        assertThat(start).as("a '## Topics' section in " + README).isNotNegative();
        List<TopicDefinition> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows.add(new TopicDefinition(cells[1].trim().replace("`", ""), Integer.parseInt(cells[4].trim()),
                    Cleanup.valueOf(cells[5].trim().toUpperCase())));
        }
        assertThat(rows).as("rows of the Topics table").isNotEmpty();
        return rows;
    }
}
