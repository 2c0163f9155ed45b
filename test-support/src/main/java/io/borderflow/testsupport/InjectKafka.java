package io.borderflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the test's Kafka broker into a field of a test class that uses {@link KafkaResource}, by the
 * field's type: {@code String} (bootstrap servers), {@code org.apache.kafka.clients.admin.Admin}, or
 * {@code io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion} (produce and consume helper),
 * {@link KafkaBroker} or {@link RestartableKafkaBroker} (to stop and start it; see {@link KafkaResource}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafka {
}
