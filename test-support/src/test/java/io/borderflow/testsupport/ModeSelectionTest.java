package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModeSelectionTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty("borderflow.test.kafka");
    }

    @Test
    void autoPicksTheEmbeddedBrokerWithoutADockerEngineAndContainersWithOne() {
        Mode expected = DockerEngine.answers() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;

        assertThat(KafkaResource.resolve(Mode.AUTO)).isEqualTo(expected);
    }

    @Test
    void theModeIsAutoUnlessChosen() {
        assertThat(Mode.selected("kafka")).isEqualTo(System.getenv("BORDERFLOW_TEST_KAFKA") == null ? Mode.AUTO
                : Mode.valueOf(System.getenv("BORDERFLOW_TEST_KAFKA").toUpperCase()));
    }

    @Test
    void aSystemPropertyChoosesTheMode() {
        System.setProperty("borderflow.test.kafka", "Embedded");

        assertThat(Mode.selected("kafka")).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void anUnknownModeIsRejectedWithTheChoices() {
        System.setProperty("borderflow.test.kafka", "in-memory");

        assertThatThrownBy(() -> Mode.selected("kafka")).hasMessageContaining("auto, local, embedded");
    }
}
