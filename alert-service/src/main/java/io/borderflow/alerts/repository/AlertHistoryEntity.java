package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Table {@code alerts.alert_history}: every state change of an alert instance. */
@Entity
@Table(name = "alert_history")
public class AlertHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String fingerprint;
    public Instant at;
    public String fromState;
    public String toState;
    public Double value;
}
