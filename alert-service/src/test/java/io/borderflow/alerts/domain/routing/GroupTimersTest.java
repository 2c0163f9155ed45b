package io.borderflow.alerts.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * group_wait, group_interval and repeat_interval as a table on a fixed clock: a timeline of alerts firing and
 * resolving (seconds after T0) into one group, and the notifications it sends. The group is driven exactly as
 * the service drives its rows: first flush from {@link GroupLog#firstFlush} (the earliest of several), then a
 * flush every group_interval deciding with {@link GroupLog#next}; resolved alerts leave the group after a flush,
 * and an empty group ends.
 */
class GroupTimersTest {

    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final Duration REPEAT = Duration.ofHours(1);

    static Stream<Arguments> timelines() {
        return Stream.of(
                // events ("+a@0" fires a at 0 s, "-a@60" resolves it, "+a@0<-3600" fired an hour before it was
                // learnt), horizon in seconds, notifications as "at:firing/resolved"
                row("one alert waits group_wait", "+a@0", 100, "30:a/"),
                row("alerts within group_wait go out together", "+a@0 +b@20", 100, "30:a,b/"),
                row("an alert after the first flush waits for group_interval", "+a@0 +b@40", 400, "30:a/ 330:a,b/"),
                row("nothing new: silent until repeat_interval", "+a@0", 3700, "30:a/ 3630:a/"),
                row("a resolve goes out at the next group_interval, then the group ends", "+a@0 -a@100", 4000,
                        "30:a/ 330:/a"),
                row("one of two resolves: both in the message, the resolved one then leaves", "+a@0 +b@0 -b@100",
                        700, "30:a,b/ 330:a/b"),
                row("fired and resolved within group_wait: never told", "+a@0 -a@10", 400, ""),
                row("an alert learnt late flushes at once", "+a@100<-3600", 150, "100:a/"),
                row("a late alert joining an unflushed group flushes it at once", "+a@0 +b@10<-3600", 100, "10:a,b/"),
                row("refiring after the group ended starts a new group", "+a@0 -a@100 +a@400", 800,
                        "30:a/ 330:/a 430:a/"),
                row("without send_resolved one resolve among firing alerts says nothing", false,
                        "+a@0 +b@0 -b@100", 700, "30:a,b/"),
                row("without send_resolved the last resolve is still told (the log is cleared)", false,
                        "+a@0 -a@100", 700, "30:a/ 330:/a"));
    }

    static Arguments row(String name, String events, int horizon, String notifications) {
        return row(name, true, events, horizon, notifications);
    }

    static Arguments row(String name, boolean sendResolved, String events, int horizon, String notifications) {
        return Arguments.of(name, sendResolved, events, horizon, notifications.isEmpty() ? List.of()
                : List.of(notifications.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void group(String name, boolean sendResolved, String events, int horizon, List<String> expected) {
        Map<String, Boolean> members = new LinkedHashMap<>(); // fingerprint → firing
        Instant nextFlush = null;
        boolean flushed = false;
        GroupLog log = null;
        List<String> sent = new ArrayList<>();
        List<String[]> timeline = new ArrayList<>(Stream.of(events.split(" ")).map(e -> e.split("@")).toList());
        for (int second = 0; second <= horizon; second++) {
            Instant now = T0.plusSeconds(second);
            for (String[] event : timeline) {
                String[] at = event[1].split("<-");
                if (Integer.parseInt(at[0]) != second) {
                    continue;
                }
                String fingerprint = event[0].substring(1);
                boolean firing = event[0].startsWith("+");
                Instant startsAt = at.length > 1 ? now.minusSeconds(Integer.parseInt(at[1])) : now;
                members.put(fingerprint, firing);
                // the service's upsert: a new group gets its first flush, an unflushed one the earlier of both
                Instant first = GroupLog.firstFlush(now, startsAt, WAIT);
                if (nextFlush == null) {
                    nextFlush = first;
                    flushed = false;
                    log = null;
                } else if (!flushed && first.isBefore(nextFlush)) {
                    nextFlush = first;
                }
            }
            if (nextFlush != null && !now.isBefore(nextFlush)) {
                TreeSet<String> firing = new TreeSet<>();
                TreeSet<String> resolved = new TreeSet<>();
                members.forEach((fingerprint, isFiring) -> (isFiring ? firing : resolved).add(fingerprint));
                Optional<GroupLog> notify = GroupLog.next(log, firing, resolved, now, REPEAT, sendResolved);
                if (notify.isPresent()) {
                    log = notify.get();
                    sent.add(second + ":" + String.join(",", firing) + "/" + String.join(",", resolved));
                }
                resolved.forEach(members::remove);
                flushed = true;
                nextFlush = members.isEmpty() ? null : now.plus(INTERVAL);
            }
        }
        assertThat(sent).containsExactlyElementsOf(expected);
    }
}
