package io.borderflow.ingest.domain.waittimes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportedUpdateTimeTest {

    @ParameterizedTest(name = "{0} on {1} ({2}), feed at {3} → {4}")
    @CsvSource(nullValues = "null", value = {
            // the recorded formats
            "'At 6:00 pm CDT',   2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, 2026-09-17T23:00:00Z",
            "'At Noon CDT',      2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, 2026-09-17T17:00:00Z",
            "'At Midnight PST',  2026-01-15, America/Los_Angeles, 2026-01-15T12:00:00Z, 2026-01-15T08:00:00Z",
            "'At 12:00 am CST',  2026-01-15, America/Chicago,     2026-01-15T12:00:00Z, 2026-01-15T06:00:00Z",
            "'At 12:30 pm CST',  2026-01-15, America/Chicago,     2026-01-15T20:00:00Z, 2026-01-15T18:30:00Z",
            "'at 9 pm edt',      2014-04-28, America/New_York,    2014-04-29T01:41:01Z, 2014-04-29T01:00:00Z",
            // El Paso: MDT in summer, MST in winter; Arizona: MST all year
            "'At 7:00 pm MDT',   2014-04-28, America/Denver,      2014-04-29T01:41:01Z, 2014-04-29T01:00:00Z",
            "'At 7:00 pm MST',   2026-01-15, America/Denver,      2026-01-16T03:00:00Z, 2026-01-16T02:00:00Z",
            "'At 4:00 pm MST',   2026-07-01, America/Phoenix,     2026-07-02T00:00:00Z, 2026-07-01T23:00:00Z",
            // DST ends 2026-11-01: 1:30 am happens twice, the abbreviation says which
            "'At 1:30 am CDT',   2026-11-01, America/Chicago,     2026-11-01T09:00:00Z, 2026-11-01T06:30:00Z",
            "'At 1:30 am CST',   2026-11-01, America/Chicago,     2026-11-01T09:00:00Z, 2026-11-01T07:30:00Z",
            // DST starts 2026-03-08: 2:00-3:00 am CST does not exist on the clock, 3:00 am is CDT
            "'At 1:00 am CST',   2026-03-08, America/Chicago,     2026-03-08T10:00:00Z, 2026-03-08T07:00:00Z",
            "'At 3:00 am CDT',   2026-03-08, America/Chicago,     2026-03-08T10:00:00Z, 2026-03-08T08:00:00Z",
            // no abbreviation: the crossing's zone decides
            "'At 6:00 pm',       2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, 2026-09-17T23:00:00Z",
            "'At 6:00 pm',       2026-01-15, America/Denver,      2026-01-16T03:00:00Z, 2026-01-16T01:00:00Z",
            // after midnight the feed's date has moved on, late readings are from the day before
            "'At 11:00 pm CDT',  2026-09-18, America/Chicago,     2026-09-18T04:40:00Z, 2026-09-18T04:00:00Z",
            "'At 9:00 pm PDT',   2026-09-18, America/Los_Angeles, 2026-09-18T04:40:00Z, 2026-09-18T04:00:00Z",
            "'At Midnight CDT',  2026-09-18, America/Chicago,     2026-09-18T05:40:00Z, 2026-09-18T05:00:00Z",
            // a reading a little ahead of the feed's clock stays on its day
            "'At 9:00 pm CDT',   2014-04-28, America/Chicago,     2014-04-29T01:41:01Z, 2014-04-29T02:00:00Z",
            // no time
            "'',                 2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, null",
            "'Update Pending',   2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, null",
            "'At 13:00 pm CDT',  2026-09-17, America/Chicago,     2026-09-18T00:20:57Z, null",
    })
    void readsTheOfficersTimeInThePortsZone(String text, LocalDate date, String zone, Instant feed, Instant expected) {
        assertThat(ReportedUpdateTime.parse(text, date, ZoneId.of(zone), feed)).isEqualTo(expected);
    }
}
