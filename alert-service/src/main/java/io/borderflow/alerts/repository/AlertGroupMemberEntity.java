package io.borderflow.alerts.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code alerts.alert_group_member}: an alert in a group, until it was flushed resolved. */
@Entity
@Table(name = "alert_group_member")
public class AlertGroupMemberEntity {
    @Id
    public Long id;
    public Long groupId;
    public String fingerprint;
    /** The trace of the transition that last put the alert here (W3C traceparent); null outside a trace. */
    public String traceparent;
}
