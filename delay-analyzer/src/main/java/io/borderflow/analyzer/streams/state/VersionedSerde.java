package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of one kind of internal record (a store's values and so its changelog, or a repartition
 * topic's): it writes the current version — a version byte, then that version's layout — and reads every
 * version ever written, each with its own reader. An instance upgraded over existing state therefore reads
 * old records as they were meant, and a field added later gets the value its reader states, never a silent
 * null.
 *
 * <p>Version 1 is the JSON of the first release, which had no version byte: its first byte is always
 * {@code '{'}, which no later version number may be.
 */
public final class VersionedSerde<T> implements Serde<T> {

    static final int JSON_V1 = '{';

    private final String what;
    private final Function<JsonNode, T> readJsonV1;
    private final Map<Integer, Function<StateInput, T>> readers;
    private final int current;
    private final BiConsumer<StateOutput, T> writeCurrent;

    /**
     * @param what         the kind of record, for error messages
     * @param readJsonV1   reads version 1 (the first release's JSON)
     * @param readers      a reader per later version
     * @param current      the version written
     * @param writeCurrent writes the current version's layout (without the version byte)
     */
    VersionedSerde(String what, Function<JsonNode, T> readJsonV1, Map<Integer, Function<StateInput, T>> readers,
            int current, BiConsumer<StateOutput, T> writeCurrent) {
        if (!readers.containsKey(current) || readers.containsKey(JSON_V1) || readers.containsKey(1)) {
            throw new IllegalArgumentException(what + ": version " + current + " needs a reader, and 1 and '{' are JSON");
        }
        this.what = what;
        this.readJsonV1 = readJsonV1;
        this.readers = Map.copyOf(readers);
        this.current = current;
        this.writeCurrent = writeCurrent;
    }

    /** The version this serde writes. */
    public int currentVersion() {
        return current;
    }

    public byte[] serialize(T value) {
        if (value == null) {
            return null;
        }
        StateOutput out = new StateOutput().writeByte(current);
        writeCurrent.accept(out, value);
        return out.toByteArray();
    }

    /** A null value is a tombstone and stays null. */
    public T deserialize(byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("empty " + what + " state record");
        }
        int version = data[0] & 0xFF;
        try {
            if (version == JSON_V1) {
                return readJsonV1.apply(JsonV1.tree(data));
            }
            Function<StateInput, T> reader = readers.get(version);
            if (reader == null) {
                throw new SerializationException(what + " state version " + version
                        + " is unknown here (written by a newer delay-analyzer?); this one reads 1 to " + current);
            }
            StateInput in = new StateInput(data, 1);
            T value = reader.apply(in);
            in.requireEnd();
            return value;
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("invalid " + what + " state record of version "
                    + (version == JSON_V1 ? 1 : version) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> serialize(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> deserialize(data);
    }
}
