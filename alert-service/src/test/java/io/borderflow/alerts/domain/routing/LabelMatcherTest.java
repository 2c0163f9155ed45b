package io.borderflow.alerts.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alertmanager's four matcher operators, its anchored regular expressions, and a missing label as "". */
class LabelMatcherTest {

    @ParameterizedTest(name = "{0} on crossing={1} → {2}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        "crossing=\"otay-mesa\"   ; otay-mesa        ; true",
        "crossing=otay-mesa       ; otay-mesa        ; true",
        "crossing=\"otay-mesa\"   ; otay-mesa-east   ; false",
        "crossing!=\"otay-mesa\"  ; pharr-reynosa    ; true",
        "crossing!=\"otay-mesa\"  ; -                ; true",
        "crossing=\"\"            ; -                ; true",
        "crossing=~\"otay.*\"     ; otay-mesa        ; true",
        "crossing=~\"otay\"       ; otay-mesa        ; false",
        "crossing=~\"mesa\"       ; otay-mesa        ; false",
        "crossing=~\"a|otay-mesa\" ; otay-mesa       ; true",
        "crossing!~\"laredo.*\"   ; otay-mesa        ; true",
        "crossing!~\"laredo.*\"   ; laredo-colombia  ; false",
        "crossing=~\".*\"         ; -                ; true",
        "crossing=~\".+\"         ; -                ; false",
    })
    void matches(String matcher, String crossing, boolean expected) {
        java.util.Map<String, String> labels = crossing == null ? java.util.Map.of() : java.util.Map.of("crossing", crossing);
        assertThat(LabelMatcher.parse(matcher).matches(labels)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"crossing", "=value", "crossing=~\"(\"", "1abc=x"})
    void refusesWhatIsNotAMatcher(String text) {
        assertThatThrownBy(() -> LabelMatcher.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"severity=critical|severity=\"critical\"", "a =~ x.*|a=~\"x.*\"",
        "a!=\"q\\\"t\"|a!=\"q\\\"t\""})
    void printsAsAlertmanagerDoes(String text, String printed) {
        assertThat(LabelMatcher.parse(text)).hasToString(printed);
    }
}
