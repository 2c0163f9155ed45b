package io.borderflow.alerts.mapping;

import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Condition;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Observation;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import java.util.Locale;

/** {@link AlertInstanceEntity} ↔ {@link AlertInstance}. */
public final class AlertMapping {

    public static AlertInstance toDomain(AlertInstanceEntity e) {
        AlertInstance.Acknowledgement acknowledgement = e.acknowledgedAt == null ? null
                : new AlertInstance.Acknowledgement(e.acknowledgedBy, e.acknowledgedAt);
        return new AlertInstance(e.fingerprint, e.ruleId, Json.labels(e.labels), AlertState.valueOf(e.state),
                new Observation(Condition.valueOf(e.condition), e.value, e.lastObservedAt, e.lastEventId),
                new AlertInstance.Episode(e.activeAt, e.startsAt, e.endsAt, e.falseSince, acknowledgement),
                new AlertInstance.Notifications(e.lastNotifiedAt, e.notificationSequence));
    }

    public static AlertInstanceEntity apply(AlertInstance a, AlertInstanceEntity e) {
        e.fingerprint = a.fingerprint();
        e.ruleId = a.ruleId();
        e.labels = Json.write(new java.util.TreeMap<>(a.labels()));
        e.crossingId = a.labels().get(Labels.CROSSING);
        e.severity = severity(a).name();
        e.state = a.state().name();
        e.condition = a.condition().name();
        e.value = a.value();
        e.activeAt = a.activeAt();
        e.startsAt = a.startsAt();
        e.endsAt = a.endsAt();
        e.falseSince = a.episode().falseSince();
        e.lastObservedAt = a.last().at();
        e.lastEventId = a.last().eventId();
        e.acknowledgedBy = a.acknowledgedBy();
        e.acknowledgedAt = a.acknowledgedAt();
        if (a.acknowledgedAt() == null) {
            e.acknowledgeComment = null;
        }
        e.lastNotifiedAt = a.notifications().lastAt();
        e.notificationSequence = a.notificationSequence();
        return e;
    }

    public static Severity severity(AlertInstance a) {
        return Severity.valueOf(a.labels().getOrDefault(Labels.SEVERITY, "warning").toUpperCase(Locale.ROOT));
    }

    private AlertMapping() {
    }
}
