package io.borderflow.events.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde of one event type, for Kafka Streams and plain clients. SmallRye Reactive Messaging
 * instantiates deserializers by class name: use the subclasses in this package there.
 */
public class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectMapper mapper;

    public JsonSerde(Class<T> type) {
        this(type, EventJson.mapper());
    }

    public JsonSerde(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    /** A null value is a tombstone and stays null; anything unreadable fails with the reason. */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (ValueInstantiationException e) {
            // the record's own validation (a required field is missing) is the clearest reason
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new EventDeserializationException(
                    "invalid " + type.getSimpleName() + ": " + reason.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new EventDeserializationException("invalid " + type.getSimpleName() + " at "
                    + e.getPathReference() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EventDeserializationException(
                    "malformed JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventDeserializationException("cannot read " + type.getSimpleName(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }
}
