package io.borderflow.support.messaging;

import io.borderflow.events.cloudevents.CloudEventsInterceptor;
import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CloudEvents headers on every record of a service's SmallRye Kafka producers — its outgoing channels and the
 * dead-letter producers of its incoming ones. A service turns it on once, for every channel:
 * {@code mp.messaging.connector.smallrye-kafka.interceptor-bean=borderflow-cloudevents}. (Kafka's own
 * {@code interceptor.classes} cannot be set connector-wide: consumers would refuse a producer interceptor, and
 * SmallRye clears it for dead-letter producers.) The service's name in {@code ce_source} is its application name.
 */
@Singleton
@Unremovable
@Identifier(ServiceCloudEvents.IDENTIFIER)
public class ServiceCloudEvents extends CloudEventsInterceptor {

    public static final String IDENTIFIER = "borderflow-cloudevents";

    ServiceCloudEvents(@ConfigProperty(name = "quarkus.application.name") String service) {
        super(service);
    }
}
