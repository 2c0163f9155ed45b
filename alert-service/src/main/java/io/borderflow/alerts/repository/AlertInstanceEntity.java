package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Table {@code alerts.alert_instance}: one row per rule × series (or shipment) that was ever active. */
@Entity
@Table(name = "alert_instance")
public class AlertInstanceEntity {
    @Id
    public String fingerprint;
    public String ruleId;
    /** JSON object of the labels. */
    public String labels;
    public String crossingId;
    public String severity;
    public String state;
    public String condition;
    public Double value;
    public Instant activeAt;
    public Instant startsAt;
    public Instant endsAt;
    public Instant falseSince;
    public Instant lastObservedAt;
    public UUID lastEventId;
    public String acknowledgedBy;
    public Instant acknowledgedAt;
    public String acknowledgeComment;
    public Instant lastNotifiedAt;
    public int notificationSequence;
    public Instant updatedAt;
}
