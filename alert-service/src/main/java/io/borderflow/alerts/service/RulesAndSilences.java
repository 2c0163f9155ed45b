package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.RuleRepository;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule (enabled or not, by id) and the silences in force at {@code now}: what a tick, an
 * acknowledgement or a view needs about an alert besides its own row. Read once per transaction or request.
 */
record RulesAndSilences(Map<String, Rule> rules, List<Silence> silences, Instant now) {

    /** Call inside a session. */
    static Uni<RulesAndSilences> load(RuleRepository rules, SilenceService silences, Instant now) {
        return rules.all().flatMap(rows -> silences.activeAt(now).map(active -> new RulesAndSilences(
                rows.stream().map(RuleMapping::toDomain).collect(Collectors.toMap(Rule::id, Function.identity())),
                active, now)));
    }

    /** The rule, or null when it was deleted. */
    Rule rule(String id) {
        return rules.get(id);
    }

    boolean silenced(Map<String, String> labels) {
        return Silence.anySilences(silences, labels, now);
    }
}
