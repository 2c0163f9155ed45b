package io.borderflow.ingest.domain.waittimes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportedDelayTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(nullValues = "null", value = {
            "20, 20",
            "0, 0",
            "'15 min', 15",
            "'5 mins', 5",
            "'1 hr', 60",
            "'2 hrs', 120",
            "'1 hrs 10 min', 70",
            "'1 hr 5 min', 65",
            "' 45 min ', 45",
            "'', null",
            "'   ', null",
            "null, null",
            "'N/A', null",
            "'soon', null",
            "'-5', null",
            "'min', null",
    })
    void readsEveryFormatTheFeedHasUsedAndNothingElse(String text, Integer minutes) {
        assertThat(ReportedDelay.minutes(text)).isEqualTo(minutes);
    }
}
