package co.rtm.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.ColombianHolidays;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.registry.Station;
import co.rtm.profiles.config.OpeningWeek;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.vehicle.VehicleKind;

class StationConfigBuilderTest {
    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    static final Station MOTO_LANE = new Station("moto-1", "CDA-1", "cda-motorcycle@1", true, "moto-1", null, NOW);

    /** The agent's calendar must say open exactly when the hub's ledger does, holidays included. */
    @ParameterizedTest
    @ValueSource(strings = {"mon-fri 07:00-12:00,13:00-18:00; sat 08:00-13:00; holidays closed",
            "mon-sat 06:00-22:00; sun 08:00-12:00; holidays as sun", "mon-fri 00:00-24:00"})
    void theConfigCalendarAgreesWithTheLedgerEveryQuarterHourForTwoYears(String text) {
        OpeningHours hours = OpeningHours.parse(text);
        OpeningWeek week = StationConfigBuilder.week(hours, 2026);
        ZonedDateTime t = LocalDate.of(2026, 1, 1).atStartOfDay(OpeningHours.BOGOTA);
        ZonedDateTime end = LocalDate.of(2028, 1, 1).atStartOfDay(OpeningHours.BOGOTA);
        int checked = 0;
        for (; t.isBefore(end); t = t.plusMinutes(15)) {
            LocalDateTime local = t.toLocalDateTime();
            assertThat(week.isOpen(local)).as("%s at %s", text, local).isEqualTo(hours.isOpen(t.toInstant()));
            checked++;
        }
        assertThat(checked).isEqualTo(730 * 96);
        assertThat(week.holidays()).containsAll(ColombianHolidays.of(2026)).containsAll(ColombianHolidays.of(2027));
    }

    @Test
    void theCentreClassNarrowsTheLaneKinds() {
        Station lightLane = new Station("light-1", "CDA-1", "cda-light@1", true, "light-1", null, NOW);
        StationConfig unclassed = StationConfigBuilder.build(lightLane, CenterRules.unregistered("CDA-1"), null, false, 5, NOW);
        StationConfig classC = StationConfigBuilder.build(lightLane, CenterRules.unregistered("CDA-1").withClass(CenterClass.C),
                12, false, 5, NOW);
        assertThat(unclassed.allows(VehicleKind.LIGHT)).isTrue();
        assertThat(unclassed.allows(VehicleKind.HEAVY)).isFalse();
        assertThat(unclassed.hours()).isNull();
        assertThat(unclassed.capacityPerHour()).isNull();
        // art. 3.3.3.6: a class C centre inspects heavy vehicles only
        assertThat(classC.allows(VehicleKind.LIGHT)).isFalse();
        assertThat(classC.capacityPerHour()).isEqualTo(12);
    }

    @Test
    void aDeactivatedOrRevokedStationIsSentInactive() {
        CenterRules rules = CenterRules.unregistered("CDA-1");
        assertThat(StationConfigBuilder.build(MOTO_LANE, rules, null, false, 1, NOW).active()).isTrue();
        assertThat(StationConfigBuilder.build(MOTO_LANE, rules, null, true, 1, NOW).active()).isFalse();
        Station off = new Station("moto-1", "CDA-1", "cda-motorcycle@1", false, "moto-1", null, NOW);
        assertThat(StationConfigBuilder.build(off, rules, null, false, 1, NOW).active()).isFalse();
    }
}
