package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Table {@code alerts.notification}: the notification outbox, one row per notification and channel. */
@Entity
@Table(name = "notification")
public class NotificationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String fingerprint;
    public String channel;
    public String kind;
    public int sequence;
    public String idempotencyKey;
    public String payload;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant sentAt;
    public Integer lastStatusCode;
    public String lastError;
    /** A routed webhook's URL; null = the channel's configured destination. */
    public String target;
    /** The trace it was planned in (W3C traceparent), continued when it is sent; null outside a trace. */
    public String traceparent;
}
