package io.borderflow.ingest.domain.waittimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.catalog.CrossingCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped snapshot (the local stack serves them) and a corpus of the feed's quirks, each with the exact
 * readings expected.
 */
class BorderWaitFeedParserTest {

    /** The recorded snapshots of the real feed, in the one place the local stack serves them from. */
    static final Path SNAPSHOTS = Path.of("../deploy/local/cbp-bwt");
    private static final Instant FETCHED = Instant.parse("2030-01-01T00:00:00Z");

    private final BorderWaitFeedParser parser = new BorderWaitFeedParser(CrossingCatalog.load());

    @Test
    void everyShippedSnapshotIsCoveredHere() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("bwt-2014-04-28.xml", "bwt-2026-09-17-excerpt.xml");
        }
    }

    @Test
    void the2014SnapshotWithItsOlderFormats() throws Exception {
        BorderWaitFeed feed = parser.parse(Files.readAllBytes(SNAPSHOTS.resolve("bwt-2014-04-28.xml")), FETCHED);

        String feedTime = "2014-04-29T01:41:01Z"; // 21:41:1 EDT
        assertThat(feed.generatedAt()).isEqualTo(Instant.parse(feedTime));
        assertThat(Readings.lines(feed)).containsExactly(
                "brownsville-los-indios/STANDARD NO_DELAY wait=5 lanes=1/4 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "brownsville-los-indios/FAST LANES_CLOSED wait=null lanes=null/4 port=closed updated=null at=" + feedTime,
                "brownsville-veterans/STANDARD DELAY wait=25 lanes=2/4 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "brownsville-veterans/FAST DELAY wait=10 lanes=1/4 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "calexico-east/STANDARD NO_DELAY wait=5 lanes=2/3 port=closed updated=2014-04-28T23:00:00Z at=2014-04-28T23:00:00Z",
                "calexico-east/FAST NO_DELAY wait=5 lanes=1/3 port=closed updated=2014-04-28T23:00:00Z at=2014-04-28T23:00:00Z",
                "columbus/STANDARD LANES_CLOSED wait=null lanes=null/1 port=open updated=null at=" + feedTime,
                "del-rio/STANDARD NO_DELAY wait=0 lanes=1/2 port=open updated=2014-04-29T02:00:00Z at=2014-04-29T02:00:00Z",
                "douglas/STANDARD LANES_CLOSED wait=null lanes=null/2 port=open updated=null at=" + feedTime,
                "eagle-pass-camino-real/STANDARD LANES_CLOSED wait=null lanes=null/2 port=open updated=null at=" + feedTime,
                "el-paso-bota/STANDARD LANES_CLOSED wait=null lanes=null/6 port=open updated=null at=" + feedTime,
                "el-paso-bota/FAST LANES_CLOSED wait=null lanes=null/6 port=open updated=null at=" + feedTime,
                "el-paso-ysleta-zaragoza/STANDARD NO_DELAY wait=7 lanes=4/8 port=open updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "el-paso-ysleta-zaragoza/FAST NO_DELAY wait=2 lanes=1/8 port=open updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "pharr-reynosa/STANDARD DELAY wait=70 lanes=4/6 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "pharr-reynosa/FAST DELAY wait=30 lanes=1/6 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "laredo-colombia-solidarity/STANDARD NO_DELAY wait=5 lanes=2/8 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "laredo-colombia-solidarity/FAST NO_DELAY wait=0 lanes=1/8 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "laredo-world-trade-bridge/STANDARD DELAY wait=15 lanes=6/16 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "laredo-world-trade-bridge/FAST DELAY wait=45 lanes=4/16 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "nogales-mariposa/STANDARD LANES_CLOSED wait=null lanes=null/8 port=open updated=null at=" + feedTime,
                "nogales-mariposa/FAST LANES_CLOSED wait=null lanes=null/8 port=open updated=null at=" + feedTime,
                "otay-mesa/STANDARD DELAY wait=15 lanes=7/10 port=open updated=2014-04-29T02:00:00Z at=2014-04-29T02:00:00Z",
                "otay-mesa/FAST NO_DELAY wait=0 lanes=3/10 port=open updated=2014-04-29T02:00:00Z at=2014-04-29T02:00:00Z",
                "presidio-ojinaga/STANDARD LANES_CLOSED wait=null lanes=null/2 port=open updated=null at=" + feedTime,
                "progreso/STANDARD LANES_CLOSED wait=null lanes=null/1 port=open updated=null at=" + feedTime,
                "rio-grande-city/STANDARD NO_DELAY wait=0 lanes=1/2 port=closed updated=2014-04-29T00:00:00Z at=2014-04-29T00:00:00Z",
                "roma/STANDARD LANES_CLOSED wait=null lanes=null/1 port=open updated=null at=" + feedTime,
                "san-luis-ii/STANDARD UNKNOWN wait=null lanes=null/3 port=open updated=null at=" + feedTime,
                "san-luis-ii/FAST UNKNOWN wait=null lanes=null/3 port=open updated=null at=" + feedTime,
                "santa-teresa/STANDARD DELAY wait=20 lanes=1/3 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "santa-teresa/FAST DELAY wait=15 lanes=1/3 port=closed updated=2014-04-29T01:00:00Z at=2014-04-29T01:00:00Z",
                "tecate/STANDARD LANES_CLOSED wait=null lanes=null/2 port=open updated=null at=" + feedTime);
        // 71 ports: the 22 of the catalog (Fabens, 240401, reports no commercial lanes: "N/A") and 49 others,
        // Canadian ports, passenger-only crossings and a port number with a letter in it
        assertThat(feed.unknownPorts()).hasSize(49).contains("070801", "230401", "l24501");
    }

    @Test
    void the2026SnapshotExcerpt() throws Exception {
        BorderWaitFeed feed = parser.parse(
                Files.readAllBytes(SNAPSHOTS.resolve("bwt-2026-09-17-excerpt.xml")), FETCHED);

        assertThat(feed.generatedAt()).isEqualTo(Instant.parse("2026-09-18T00:20:57Z")); // 20:20:57 EDT
        assertThat(Readings.lines(feed)).containsExactly(
                "laredo-world-trade-bridge/STANDARD DELAY wait=20 lanes=13/19 port=open updated=2026-09-17T23:00:00Z at=2026-09-17T23:00:00Z",
                "laredo-world-trade-bridge/FAST DELAY wait=10 lanes=3/19 port=open updated=2026-09-17T23:00:00Z at=2026-09-17T23:00:00Z",
                "pharr-reynosa/STANDARD DELAY wait=40 lanes=4/7 port=open updated=2026-09-18T00:00:00Z at=2026-09-18T00:00:00Z",
                "pharr-reynosa/FAST DELAY wait=35 lanes=1/7 port=open updated=2026-09-18T00:00:00Z at=2026-09-18T00:00:00Z",
                // Arizona: MST in September; the port closed at 5 pm, its last reading stays
                "san-luis-ii/STANDARD NO_DELAY wait=5 lanes=2/2 port=closed updated=2026-09-17T23:00:00Z at=2026-09-17T23:00:00Z");
        assertThat(feed.unknownPorts()).containsExactly("240215");
    }

    @Test
    void theQuirkCorpus() throws Exception {
        String xml = feed("2026-9-18", "0:40:0",
                port("230404", "9/18/2026", "Open", "19",
                        lanes("delay", "At 11:00 pm CDT", "1 hrs 10 min", "12"),
                        lanes("delay", "At 11:00 pm CDT", "1 hr", "3")),
                port("250602", "9/18/2026", "Open", "10",
                        lanes("Update Pending", "", "", ""),
                        lanes("", "", "", "")),
                port("240203", "9/17/2026", "Closed", "N/A",
                        lanes("delay", "At Noon MDT", "", "4"),
                        lanes("Lanes Closed", "", "", "")),
                port("260402", "9/17/2026", "Open", "8",
                        lanes("no delay", "At Midnight MST", "0", "2"),
                        lanes("N/A", "", "", "")),
                port("999999", "9/17/2026", "Open", "3",
                        lanes("delay", "At 6:00 pm CDT", "15 min", "3"),
                        lanes("N/A", "", "", "")));

        BorderWaitFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FETCHED);

        String feedTime = "2026-09-18T04:40:00Z";
        assertThat(Readings.lines(feed)).containsExactly(
                // the feed's date moved on at midnight Eastern; 11 pm CDT is the evening before
                "laredo-world-trade-bridge/STANDARD DELAY wait=70 lanes=12/19 port=open updated=2026-09-18T04:00:00Z at=2026-09-18T04:00:00Z",
                "laredo-world-trade-bridge/FAST DELAY wait=60 lanes=3/19 port=open updated=2026-09-18T04:00:00Z at=2026-09-18T04:00:00Z",
                // "Update Pending" and a blank status: unknown, never 0
                "otay-mesa/STANDARD UNKNOWN wait=null lanes=null/10 port=open updated=null at=" + feedTime,
                "otay-mesa/FAST UNKNOWN wait=null lanes=null/10 port=open updated=null at=" + feedTime,
                // a delay without minutes is unknown; "Lanes Closed" is closed, not 0; maximum "N/A"; port closed
                "el-paso-ysleta-zaragoza/STANDARD DELAY wait=null lanes=4/null port=closed updated=2026-09-17T18:00:00Z at=2026-09-17T18:00:00Z",
                "el-paso-ysleta-zaragoza/FAST LANES_CLOSED wait=null lanes=null/null port=closed updated=null at=" + feedTime,
                // Arizona's midnight is MST; "N/A" FAST lanes: no reading at all
                "nogales-mariposa/STANDARD NO_DELAY wait=0 lanes=2/8 port=open updated=2026-09-17T07:00:00Z at=2026-09-17T07:00:00Z");
        assertThat(feed.unknownPorts()).containsExactly("999999");
    }

    @Test
    void aFeedWithoutItsOwnTimeTakesTheFetchTime() throws Exception {
        String xml = "<border_wait_time>" + port("230404", "12/31/2029", "Open", "19",
                lanes("Update Pending", "", "", ""), lanes("N/A", "", "", "")) + "</border_wait_time>";

        BorderWaitFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FETCHED);

        assertThat(feed.generatedAt()).isEqualTo(FETCHED);
        assertThat(feed.readings()).singleElement().satisfies(r -> assertThat(r.occurredAt()).isEqualTo(FETCHED));
    }

    static Stream<String> hostileBodies() {
        return Stream.of(
                // XXE: an external entity naming a local file
                "<?xml version=\"1.0\"?><!DOCTYPE border_wait_time [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<border_wait_time><port><port_number>&xxe;</port_number></port></border_wait_time>",
                // billion laughs
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><border_wait_time>&lol3;</border_wait_time>",
                // an external DTD
                "<?xml version=\"1.0\"?><!DOCTYPE border_wait_time SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                        + "<border_wait_time/>",
                "<html><head><title>503 Service Unavailable</title></head><body>Try later</body></html>",
                "<!DOCTYPE html><html><body>Access Denied</body></html>",
                "<border_wait_time><last_updated_date>2026-9-17</last_updated_date><port><port_number>2304",
                "<border_wait_time><last_updated_date>2026-9-17</last_updated_date></border_wait_time>",
                "",
                "{\"error\": \"not xml\"}");
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void aHostileOrBrokenBodyIsRejectedWhole(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), FETCHED))
                .isInstanceOf(FeedRejected.class);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        String body = hostileBodies().findFirst().orElseThrow();

        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), FETCHED))
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    static String feed(String date, String time, String... ports) {
        return "<?xml version='1.0' encoding='UTF-8'?><border_wait_time><last_updated_date>" + date
                + "</last_updated_date><last_updated_time>" + time + "</last_updated_time>"
                + String.join("", List.of(ports)) + "</border_wait_time>";
    }

    static String port(String number, String date, String status, String maximumLanes, String standard,
            String fast) {
        return "<port><port_number>" + number + "</port_number><border>Mexican Border</border><date>" + date
                + "</date><port_status>" + status + "</port_status><commercial_vehicle_lanes><maximum_lanes>"
                + maximumLanes + "</maximum_lanes><standard_lanes>" + standard + "</standard_lanes><FAST_lanes>"
                + fast + "</FAST_lanes></commercial_vehicle_lanes></port>";
    }

    static String lanes(String status, String updateTime, String delay, String lanesOpen) {
        return "<operational_status>" + status + "</operational_status><update_time>" + updateTime
                + "</update_time><delay_minutes>" + delay + "</delay_minutes><lanes_open>" + lanesOpen
                + "</lanes_open>";
    }
}
