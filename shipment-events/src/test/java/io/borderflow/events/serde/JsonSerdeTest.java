package io.borderflow.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.Event;
import io.borderflow.events.Samples;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.ShipmentUpdated;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    static Stream<Event> everyEvent() {
        return Stream.of(Samples.shipmentRegistered(), Samples.shipmentUpdated(), Samples.checkpointRecorded(),
                Samples.crossingDelayUpdated(), Samples.shipmentDelayUpdated(), Samples.alertStateChanged(),
                Samples.borderWaitReported());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesAJsonRoundTrip(Event event) {
        JsonSerde<Event> serde = new JsonSerde<>(wireType(event));

        byte[] json = serde.serialize("any", event);

        assertThat(serde.deserialize("any", json)).isEqualTo(event);
    }

    @Test
    void shipmentEventsAreReadBackAsTheirOwnSubtypeFromTheSharedTopic() {
        JsonSerde<ShipmentEvent> serde = new ShipmentEventDeserializer();

        ShipmentEvent registered = serde.deserialize("shipments.v1", serde.serialize("x", Samples.shipmentRegistered()));
        ShipmentEvent updated = serde.deserialize("shipments.v1", serde.serialize("x", Samples.shipmentUpdated()));

        assertThat(registered).isInstanceOf(ShipmentRegistered.class);
        assertThat(updated).isInstanceOf(ShipmentUpdated.class);
    }

    @Test
    void instantsAreWrittenAsIsoTextInUtc() {
        String json = new String(new EventSerializer().serialize("x", Samples.checkpointRecorded()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-03-08T07:30:00Z\"");
    }

    @Test
    void anUnknownEnumValueIsRejectedNamingTheField() {
        String json = json(Samples.checkpointRecorded()).replace("\"QUEUE_ENTERED\"", "\"TELEPORTED\"");

        assertThatThrownBy(() -> new CheckpointRecordedDeserializer().deserialize("x", bytes(json)))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageContaining("checkpointType")
                .hasMessageContaining("TELEPORTED");
    }

    @Test
    void aMissingRequiredFieldIsRejectedNamingTheField() {
        String json = json(Samples.checkpointRecorded()).replaceAll("\"shipmentId\":\"[^\"]*\",", "");

        assertThatThrownBy(() -> new CheckpointRecordedDeserializer().deserialize("x", bytes(json)))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageContaining("shipmentId is required");
    }

    @Test
    void aMissingSchemaVersionIsRejected() {
        String json = json(Samples.crossingDelayUpdated()).replaceAll("\"schemaVersion\":1,", "");

        assertThatThrownBy(() -> new CrossingDelayUpdatedDeserializer().deserialize("x", bytes(json)))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> new AlertStateChangedDeserializer().deserialize("x", bytes("{not json")))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageContaining("AlertStateChanged");
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = json(Samples.shipmentDelayUpdated()).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(new ShipmentDelayUpdatedDeserializer().deserialize("x", bytes(json)).shipmentId()).isEqualTo("SHP-1");
    }

    @Test
    void aNullValueIsATombstone() {
        assertThat(new CheckpointRecordedDeserializer().deserialize("x", null)).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Class<Event> wireType(Event event) {
        Class<?> type = event instanceof ShipmentEvent ? ShipmentEvent.class : event.getClass();
        return (Class<Event>) type;
    }

    private static String json(Object event) {
        return new String(new EventSerializer().serialize("x", event), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

}
