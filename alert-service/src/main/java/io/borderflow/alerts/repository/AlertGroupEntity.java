package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Table {@code alerts.alert_group}: one aggregation group and what it last told its receiver. */
@Entity
@Table(name = "alert_group")
public class AlertGroupEntity {
    @Id
    public Long id;
    public String groupKey;
    public String receiver;
    /** JSON object. */
    public String groupLabels;
    public long groupIntervalMs;
    public long repeatIntervalMs;
    public Instant nextFlushAt;
    public boolean flushed;
    public int sequence;
    /** JSON arrays of fingerprints; null before the first notification. */
    public String notifiedFiring;
    public String notifiedResolved;
    public Instant notifiedAt;
}
