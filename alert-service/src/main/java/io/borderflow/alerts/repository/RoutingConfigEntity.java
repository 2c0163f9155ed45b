package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Table {@code alerts.routing_config}: one row per version of the routing configuration. */
@Entity
@Table(name = "routing_config")
public class RoutingConfigEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long version;
    public String yaml;
    public String createdBy;
    public Instant createdAt;
}
