package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Table {@code alerts.rule}; converted to and from {@link io.borderflow.alerts.domain.Rule} by the service. */
@Entity
@Table(name = "rule")
public class RuleEntity {
    @Id
    public String id;
    public String name;
    public String measure;
    public String crossingId;
    public String direction;
    public String laneType;
    public String carrierId;
    public String comparison;
    public double threshold;
    public long forSeconds;
    public long keepFiringForSeconds;
    public String severity;
    public String summary;
    public String runbookUrl;
    public boolean enabled;
    public Instant createdAt;
    public Instant updatedAt;
}
