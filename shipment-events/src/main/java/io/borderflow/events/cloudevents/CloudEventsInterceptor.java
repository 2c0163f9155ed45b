package io.borderflow.events.cloudevents;

import io.borderflow.events.DeadLetterHeaders;
import io.borderflow.events.Event;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Puts the CloudEvents headers ({@link CloudEventHeaders}) on every record a producer sends to a BorderFlow topic
 * ({@link Topics#eventType}); records to any other topic (Kafka Streams' changelogs and repartition topics) pass
 * unchanged, and so does every body. One interceptor per producer covers every way a service produces: an event
 * object (SmallRye channels with the event serializer) or its JSON bytes (the outbox relay, Kafka Streams sinks,
 * dead letters), read back as the topic's event type.
 *
 * <p>Kafka instantiates it by class name ({@code interceptor.classes}) and passes the producer's configuration,
 * where {@value #SERVICE_CONFIG} names the service ({@code ce_source}); SmallRye channels take a bean instead.
 */
public class CloudEventsInterceptor implements ProducerInterceptor<Object, Object> {

    /** Producer configuration key: the service name in {@code ce_source}. */
    public static final String SERVICE_CONFIG = "borderflow.cloudevents.service";

    private final Clock clock;
    private volatile String source;

    /** For Kafka's {@code interceptor.classes}: the service comes from {@link #configure}. */
    public CloudEventsInterceptor() {
        this.clock = Clock.systemUTC();
    }

    public CloudEventsInterceptor(String service) {
        this.clock = Clock.systemUTC();
        this.source = CloudEventHeaders.source(service);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object service = configs.get(SERVICE_CONFIG);
        if (source == null) {
            if (service == null) {
                throw new IllegalArgumentException(SERVICE_CONFIG + " names the service in ce_source: set it");
            }
            source = CloudEventHeaders.source(service.toString());
        }
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Optional<Class<? extends Event>> type = Topics.eventType(record.topic());
        if (type.isEmpty()) {
            return record;
        }
        boolean deadLetter = Topics.isDeadLetter(record.topic());
        if (deadLetter && CloudEventHeaders.present(record.headers())) {
            return record; // the original's attributes: the same event, now dead-lettered
        }
        Event event = read(record.value(), type.get());
        Headers headers;
        if (event != null) {
            headers = CloudEventHeaders.of(event, source, record.headers());
        } else if (deadLetter) {
            headers = CloudEventHeaders.deadLetter(origin(record.headers()), source, clock.instant(), record.headers());
        } else {
            return record; // no event to describe (a tombstone): nothing to claim about it
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    private static Event read(Object value, Class<? extends Event> type) {
        if (value instanceof Event event) {
            return event;
        }
        if (value instanceof byte[] bytes) {
            try {
                return JsonSerde.of(type).deserialize(null, bytes);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        return null;
    }

    private static String origin(Headers headers) {
        String topic = CloudEventHeaders.text(headers, DeadLetterHeaders.TOPIC);
        String partition = CloudEventHeaders.text(headers, DeadLetterHeaders.PARTITION);
        String offset = CloudEventHeaders.text(headers, DeadLetterHeaders.OFFSET);
        return topic == null || partition == null || offset == null
                ? UUID.randomUUID().toString()
                : topic + "/" + partition + "/" + offset;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
