package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.Checkpoint;
import io.borderflow.analyzer.domain.Journey;
import io.borderflow.events.CheckpointType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values of the {@code journeys} store. Version 3: shipmentId, carrierId, series (the compact layout: the
 * crossing as its CBP port number), stallReported, the number of checkpoints, then per checkpoint eventId, type,
 * occurredAt — the first as an instant, each later one after the one before. Version 2 wrote the series with its
 * crossing id and every occurredAt whole.
 */
public final class JourneyEncoding {

    public static final VersionedSerde<Journey> SERDE = new VersionedSerde<>("journey", JourneyEncoding::readJsonV1,
            Map.of(2, JourneyEncoding::readV2, 3, JourneyEncoding::readV3), 3, JourneyEncoding::writeV3);

    static Journey readJsonV1(JsonNode node) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode checkpoint : node.get("checkpoints")) {
            checkpoints.add(new Checkpoint(UUID.fromString(JsonV1.text(checkpoint, "eventId")),
                    CheckpointType.valueOf(JsonV1.text(checkpoint, "type")), JsonV1.instant(checkpoint, "occurredAt")));
        }
        return new Journey(JsonV1.text(node, "shipmentId"), JsonV1.text(node, "carrierId"),
                JsonV1.series(node.get("series")), checkpoints, node.get("stallReported").booleanValue());
    }

    static Journey readV2(StateInput in) {
        String shipmentId = in.readText();
        String carrierId = in.readText();
        var series = SeriesKeyLayout.read(in);
        boolean stallReported = in.readBoolean();
        int count = in.readInt();
        List<Checkpoint> checkpoints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            checkpoints.add(new Checkpoint(in.readUuid(), in.readCode(SeriesKeyLayout.CHECKPOINT_TYPES), in.readInstant()));
        }
        return new Journey(shipmentId, carrierId, series, checkpoints, stallReported);
    }

    static Journey readV3(StateInput in) {
        String shipmentId = in.readText();
        String carrierId = in.readText();
        var series = SeriesKeyLayout.readCompact(in);
        boolean stallReported = in.readBoolean();
        int count = in.readInt();
        List<Checkpoint> checkpoints = new ArrayList<>(count);
        Instant previous = null;
        for (int i = 0; i < count; i++) {
            UUID eventId = in.readUuid();
            CheckpointType type = in.readCode(SeriesKeyLayout.CHECKPOINT_TYPES);
            previous = previous == null ? in.readInstant() : in.readInstantAfter(previous);
            checkpoints.add(new Checkpoint(eventId, type, previous));
        }
        return new Journey(shipmentId, carrierId, series, checkpoints, stallReported);
    }

    static void writeV3(StateOutput out, Journey journey) {
        out.writeText(journey.shipmentId()).writeText(journey.carrierId());
        SeriesKeyLayout.writeCompact(out, journey.series());
        out.writeBoolean(journey.stallReported()).writeUnsigned(journey.checkpoints().size());
        Instant previous = null;
        for (Checkpoint checkpoint : journey.checkpoints()) {
            out.writeUuid(checkpoint.eventId()).writeCode(SeriesKeyLayout.CHECKPOINT_TYPES, checkpoint.type());
            if (previous == null) {
                out.writeInstant(checkpoint.occurredAt());
            } else {
                out.writeInstantAfter(previous, checkpoint.occurredAt());
            }
            previous = checkpoint.occurredAt();
        }
    }

    private JourneyEncoding() {
    }
}
