package io.borderflow.alerts.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser refuses, each with the line and field it names. */
class RoutingYamlTest {


    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        // yaml (\n as line breaks) | line | field | message part
        "route:\\n  receiver: nobody\\n" + VALID_RECEIVERS_CSV + "| 2 | route.receiver | no receiver named nobody",
        "route:\\n  receiver: team\\n  group_wait: soon\\n" + VALID_RECEIVERS_CSV + "| 3 | route.group_wait | not a duration",
        "route:\\n  receiver: team\\n  routes:\\n    - matchers: ['crossing=~\"(\"']\\n" + VALID_RECEIVERS_CSV
                + "| 4 | route.routes[0].matchers | not a regular expression",
        "route:\\n  receiver: team\\n  group_interval: 0\\n" + VALID_RECEIVERS_CSV + "| 3 | route.group_interval | cannot be zero",
        "route:\\n  receiver: team\\n  grouping: [a]\\n" + VALID_RECEIVERS_CSV + "| 3 | route.grouping | unknown field",
        "route:\\n  receiver: team\\n  matchers: ['a=b']\\n" + VALID_RECEIVERS_CSV + "| 2 | route | the root route must not have matchers",
        "route:\\n  receiver: team\\n  group_by: ['...', crossing]\\n" + VALID_RECEIVERS_CSV + "| 3 | route.group_by | stands alone",
        "route:\\n  receiver: team\\nreceivers:\\n  - name: team\\n    webhook_configs:\\n      - send_resolved: true\\n"
                + "| 6 | receivers.team.webhook_configs.url | required",
        "route:\\n  receiver: team\\nreceivers:\\n  - name: team\\n  - name: team\\n| 5 | receivers.team.name | a second receiver",
        "route:\\n  receiver: team\\n" + VALID_RECEIVERS_CSV + "inhibit_rules:\\n  - equal: x\\n| 6 | inhibit_rules[0].equal | a list",
        "route: [\\n| 2 | yaml | ''",
    })
    void namesTheLineAndField(String yaml, int line, String field, String message) {
        InvalidRouting invalid = catchThrowableOfType(InvalidRouting.class,
                () -> RoutingYaml.parse(yaml.replace("\\n", "\n")));
        assertThat(invalid).as("refused").isNotNull();
        assertThat(invalid.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message.strip());
        });
    }

    static final String VALID_RECEIVERS_CSV = "receivers:\\n  - name: team\\n";

    @ParameterizedTest
    @CsvSource({"30s,30", "5m,300", "1h30m,5400", "2d,172800", "0,0", "1w,604800", "1500ms,1"})
    void durationsAsAlertmanagerWritesThem(String text, long seconds) {
        assertThat(RoutingYaml.duration(text).toSeconds()).isEqualTo(seconds);
        assertThat(RoutingYaml.duration(text)).isNotNull().isInstanceOf(Duration.class);
    }
}
