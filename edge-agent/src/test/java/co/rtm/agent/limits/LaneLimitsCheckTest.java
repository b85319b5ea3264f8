package co.rtm.agent.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import co.rtm.agent.limits.LaneLimitsCheck.Hold;
import co.rtm.agent.limits.LaneLimitsCheck.Reason;
import co.rtm.profiles.config.OpeningWeek;
import co.rtm.profiles.config.ScheduleStop;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.vehicle.VehicleKind;

class LaneLimitsCheckTest {
    /** Mon-Fri 07:00-18:00, Sat 08:00-12:00, holidays closed; Monday 2026-01-12 is a holiday (Reyes, moved). */
    static final OpeningWeek HOURS = new OpeningWeek(Map.of(
            DayOfWeek.MONDAY, List.of("07:00-18:00"), DayOfWeek.TUESDAY, List.of("07:00-18:00"),
            DayOfWeek.WEDNESDAY, List.of("07:00-18:00"), DayOfWeek.THURSDAY, List.of("07:00-18:00"),
            DayOfWeek.FRIDAY, List.of("07:00-18:00"), DayOfWeek.SATURDAY, List.of("08:00-12:00")),
            OpeningWeek.CLOSED, List.of(LocalDate.of(2026, 1, 12)));
    static final int CAPACITY = 4;

    static StationConfig config(boolean active, LocalDate accreditedUntil, LocalDate environmentalUntil) {
        return new StationConfig("CDA-1", "lane-1", 1, OffsetDateTime.parse("2026-01-01T00:00-05:00"), active,
                "cda-light@1", CAPACITY, List.of(VehicleKind.LIGHT), HOURS, accreditedUntil, environmentalUntil, List.of());
    }

    static final StationConfig CONFIG = config(true, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16));

    static Instant bogota(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningWeek.BOGOTA).toInstant();
    }

    static Optional<Reason> reason(StationConfig c, String at, long started) {
        return LaneLimitsCheck.check(c, bogota(at), started).map(Hold::reason);
    }

    @Test
    void theMinuteBeforeOpeningHoldsAndSaysWhenItOpens() {
        Optional<Hold> before = LaneLimitsCheck.check(CONFIG, bogota("2026-01-13T06:59:00"), 0);
        assertThat(before.map(Hold::reason)).contains(Reason.OUTSIDE_OPERATING_HOURS);
        assertThat(before.get().text()).startsWith("Fuera del horario").contains("abre hoy a las 07:00");
        assertThat(reason(CONFIG, "2026-01-13T07:00:00", 0)).isEmpty();
        assertThat(reason(CONFIG, "2026-01-13T17:59:59", 0)).isEmpty();
        assertThat(LaneLimitsCheck.check(CONFIG, bogota("2026-01-13T18:00:00"), 0).get().text())
                .contains("abre mañana a las 07:00");
    }

    @Test
    void theCapacityThStartIsAllowedAndTheNextOneHeld() {
        assertThat(reason(CONFIG, "2026-01-13T10:59:00", CAPACITY - 1)).isEmpty();
        Optional<Hold> full = LaneLimitsCheck.check(CONFIG, bogota("2026-01-13T10:59:00"), CAPACITY);
        assertThat(full.map(Hold::reason)).contains(Reason.CAPACITY_REACHED);
        assertThat(full.get().text()).contains("4 de 4").contains("entre las 10:00 y las 11:00");
    }

    @Test
    void aClosedHolidayHoldsAndNamesTheNextOpening() {
        StationConfig undated = config(true, null, null);
        Optional<Hold> holiday = LaneLimitsCheck.check(undated, bogota("2026-01-12T10:00:00"), 0);
        assertThat(holiday.map(Hold::reason)).contains(Reason.HOLIDAY);
        assertThat(holiday.get().text()).startsWith("Día festivo").contains("abre mañana a las 07:00");
        // the ordinary Monday after is open
        assertThat(reason(undated, "2026-01-19T10:00:00", 0)).isEmpty();
        // Saturday afternoon: closed until Monday
        assertThat(LaneLimitsCheck.check(undated, bogota("2026-01-17T12:00:00"), 0).get().text())
                .contains("abre el lunes 2026-01-19 a las 07:00");
    }

    @Test
    void theLastAccreditedDayIsOpenAndTheNextHeld() {
        assertThat(reason(CONFIG, "2026-01-15T17:00:00", 0)).isEmpty();
        assertThat(reason(CONFIG, "2026-01-16T07:00:00", 0)).contains(Reason.ACCREDITATION_EXPIRED);
        StationConfig accreditedLonger = config(true, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 15));
        assertThat(reason(accreditedLonger, "2026-01-15T17:00:00", 0)).isEmpty();
        assertThat(reason(accreditedLonger, "2026-01-16T07:00:00", 0)).contains(Reason.ENVIRONMENTAL_CERTIFICATE_EXPIRED);
        // a day boundary on the Bogotá clock, not UTC: 23:30 on the last day is still valid
        assertThat(reason(config(true, LocalDate.of(2026, 1, 15), null), "2026-01-15T23:30:00", 0)
                .filter(r -> r == Reason.ACCREDITATION_EXPIRED)).isEmpty();
    }

    @Test
    void aDeactivatedStationHoldsWhateverTheHour() {
        assertThat(reason(config(false, null, null), "2026-01-13T10:00:00", 0)).contains(Reason.STATION_INACTIVE);
    }

    @Test
    void noHoursOrCapacityRegisteredNeverHolds() {
        StationConfig open = new StationConfig("CDA-1", "lane-1", 1, OffsetDateTime.parse("2026-01-01T00:00-05:00"), true,
                "cda-light@1", null, List.of(VehicleKind.LIGHT), null, null, null, List.of());
        assertThat(reason(open, "2026-01-12T03:00:00", 1_000)).isEmpty();
    }

    @Test
    void aVehicleKindNotAllowedIsRefusedWithItsSpanishName() {
        assertThat(LaneLimitsCheck.vehicleRefusal(CONFIG, VehicleKind.LIGHT)).isEmpty();
        assertThat(LaneLimitsCheck.vehicleRefusal(CONFIG, VehicleKind.MOTOCARRO))
                .hasValueSatisfying(t -> assertThat(t).contains("motocarro").contains("permitidos: liviano"));
    }

    @Test
    void aMobileLaneIsHeldOnADayNoStopCoversFromBogotaMidnightOn() {
        StationConfig mobile = new StationConfig("MOB-1", "mob-1", 1, OffsetDateTime.parse("2026-01-01T00:00-05:00"), true,
                "cda-light@1", null, List.of(VehicleKind.LIGHT), null, null, null, List.of(new ScheduleStop("97001",
                OffsetDateTime.parse("2026-01-01T00:00-05:00"), OffsetDateTime.parse("2026-02-01T00:00-05:00"))));
        assertThat(reason(mobile, "2026-01-01T00:00:00", 0)).isEmpty();
        assertThat(reason(mobile, "2026-01-31T23:59:59", 0)).isEmpty();
        Optional<Hold> after = LaneLimitsCheck.check(mobile, bogota("2026-02-01T00:00:00"), 0);
        assertThat(after.map(Hold::reason)).contains(Reason.NOT_IN_SCHEDULED_MUNICIPALITY);
        assertThat(after.get().text()).startsWith("Sin municipio programado para hoy");
        assertThat(reason(mobile, "2025-12-31T23:59:59", 0)).contains(Reason.NOT_IN_SCHEDULED_MUNICIPALITY);
        // 2026-02-01 00:30 Bogotá is 05:30 UTC: the Bogotá date decides, not the UTC one
        assertThat(LaneLimitsCheck.check(mobile, Instant.parse("2026-02-01T04:59:59Z"), 0)).isEmpty();
        // a fixed lane (no schedule) is never held for this
        assertThat(reason(config(true, null, null), "2026-02-02T08:00:00", 0)).isEmpty();
    }
}
