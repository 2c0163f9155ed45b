package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Table {@code alerts.outbox_event}: events written with the state change, relayed to Kafka afterwards. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID eventId;
    public String topic;
    public String messageKey;
    public String payload;
    public Instant createdAt;
    public Instant publishedAt;
}
