package io.borderflow.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossingCatalogTest {

    private final CrossingCatalog catalog = CrossingCatalog.load();

    @Test
    void holdsTheTwentyTwoCommercialCrossingsWithUniqueIds() {
        assertThat(catalog.size()).isEqualTo(22);
        assertThat(catalog.all()).extracting(Crossing::id).doesNotHaveDuplicates();
    }

    @Test
    void everyCrossingLiesInTheUsMexicoBorderRegion() {
        assertThat(catalog.all()).allSatisfy(crossing -> {
            assertThat(crossing.location().latitude()).as(crossing.id()).isBetween(25.0, 33.0);
            assertThat(crossing.location().longitude()).as(crossing.id()).isBetween(-118.0, -97.0);
        });
    }

    @Test
    void everyCrossingHasABorderTimeZoneLanesAndVolume() {
        assertThat(catalog.all()).allSatisfy(crossing -> {
            assertThat(crossing.zone().getId()).as(crossing.id()).isIn(
                    "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles");
            assertThat(crossing.maxCommercialLanes()).as(crossing.id()).isPositive();
            assertThat(crossing.northboundTrucksPerYear()).as(crossing.id()).isPositive();
        });
    }

    @Test
    void findsACrossingByIdWithItsReferenceData() {
        Crossing wtb = catalog.byId("laredo-world-trade-bridge").orElseThrow();

        assertThat(wtb.name()).isEqualTo("World Trade Bridge");
        assertThat(wtb.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(wtb.maxCommercialLanes()).isEqualTo(19);
        assertThat(wtb.northboundTrucksPerYear()).isEqualTo(2_288_051);
        assertThat(catalog.byId("nowhere")).isEmpty();
    }

    @Test
    void everyCrossingHasCommercialHoursAndSaysWhetherItHasFastLanes() {
        Crossing wtb = catalog.byId("laredo-world-trade-bridge").orElseThrow();
        assertThat(wtb.commercialHours()).hasToString("weekdays 7-24, saturday 7-16, sunday 10-14");
        assertThat(wtb.fastLanes()).isTrue();
        assertThat(catalog.byId("tecate").orElseThrow().commercialHours())
                .hasToString("weekdays 8-16, saturday closed, sunday closed");
        assertThat(catalog.byId("del-rio").orElseThrow().fastLanes()).isFalse();
        assertThat(catalog.all()).allSatisfy(c -> assertThat(c.commercialHours()).as(c.id()).isNotNull());
    }

    @Test
    void aPortCodeCanNameSeveralCrossings() {
        assertThat(catalog.byPortCode("2304")).extracting(Crossing::id)
                .containsExactly("laredo-world-trade-bridge", "laredo-colombia-solidarity");
        assertThat(catalog.byPortCode("2604")).extracting(Crossing::id).containsExactly("nogales-mariposa");
    }

    @Test
    void aWaitTimesPortNumberNamesOneCrossingEvenWhereThePortHasTwo() {
        assertThat(catalog.all()).extracting(Crossing::cbpWaitTimesPortNumber).doesNotHaveDuplicates()
                .allSatisfy(number -> assertThat(number).matches("\\d{6}"));
        assertThat(catalog.byWaitTimesPortNumber("230404")).map(Crossing::id).contains("laredo-world-trade-bridge");
        assertThat(catalog.byWaitTimesPortNumber("230403")).map(Crossing::id).contains("laredo-colombia-solidarity");
        assertThat(catalog.byWaitTimesPortNumber("535502")).map(Crossing::id).contains("brownsville-veterans");
        assertThat(catalog.byWaitTimesPortNumber("535503")).map(Crossing::id).contains("brownsville-los-indios");
        assertThat(catalog.byWaitTimesPortNumber("230401")).isEmpty();
    }

    @Test
    void quotedFieldsWithCommasAreReadWhole() {
        assertThat(catalog.byId("el-paso-ysleta-zaragoza").orElseThrow().name()).isEqualTo("Ysleta–Zaragoza Bridge");
        assertThat(catalog.byId("eagle-pass-camino-real").orElseThrow().name())
                .isEqualTo("Camino Real International Bridge (Eagle Pass Bridge II)");
    }

    @Test
    void freeFlowIsTenMinutesUnlessConfiguredPerCrossing() {
        CrossingCatalog configured = CrossingCatalog.load(Duration.ofMinutes(12),
                Map.of("el-paso-ysleta-zaragoza", Duration.ofSeconds(456)));

        assertThat(catalog.byId("otay-mesa").orElseThrow().freeFlowMinutes()).isEqualTo(10.0);
        assertThat(configured.byId("otay-mesa").orElseThrow().freeFlowMinutes()).isEqualTo(12.0);
        assertThat(configured.byId("el-paso-ysleta-zaragoza").orElseThrow().freeFlowMinutes()).isEqualTo(7.6);
    }

    @Test
    void freeFlowForAnUnknownCrossingIsAConfigurationError() {
        assertThatThrownBy(() -> CrossingCatalog.load(Duration.ofMinutes(10), Map.of("atlantis", Duration.ofMinutes(5))))
                .hasMessageContaining("atlantis");
    }
}
