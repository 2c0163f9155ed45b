package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Table {@code alerts.silence}. */
@Entity
@Table(name = "silence")
public class SilenceEntity {
    @Id
    public UUID id;
    /** JSON array of matchers. */
    public String matchers;
    public Instant startsAt;
    public Instant endsAt;
    public String createdBy;
    public String comment;
    public Instant createdAt;
    public Instant updatedAt;
}
