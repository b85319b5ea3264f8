package co.rtm.profiles.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;

class StationConfigTest {

    /** Mon-Fri 07:00-12:00 and 13:00-18:00, Sat 08:00-13:00; holidays like Saturday; 2026-01-12 a holiday (Monday). */
    static final OpeningWeek WEEK = new OpeningWeek(Map.of(
            DayOfWeek.MONDAY, List.of("13:00-18:00", "07:00-12:00"),
            DayOfWeek.TUESDAY, List.of("07:00-18:00"),
            DayOfWeek.SATURDAY, List.of("08:00-13:00")), "SATURDAY", List.of(LocalDate.of(2026, 1, 12)));

    static StationConfig config() {
        return new StationConfig("cda-1", "lane-1", 7, OffsetDateTime.of(2026, 1, 10, 9, 0, 0, 0, ZoneOffset.ofHours(-5)),
                true, "cda-light@1", 4, List.of(VehicleKind.LIGHT), WEEK, LocalDate.of(2026, 6, 30), null,
                List.of(new ScheduleStop("05001", OffsetDateTime.parse("2026-02-01T07:00-05:00"),
                        OffsetDateTime.parse("2026-02-01T18:00-05:00"))));
    }

    @Test
    void signedConfigRoundTripsThroughTheEnvelope() throws Exception {
        SigningKey hub = Ed25519Keys.generate("hub#1");
        byte[] signed = Envelope.sign(Json.write(config()), StationConfig.TYPE, hub);
        Envelope envelope = Envelope.parse(signed);
        assertThat(envelope.verify(hub.verificationKey())).isTrue();
        assertThat(envelope.header().typ()).isEqualTo("config");
        StationConfig back = Json.read(envelope.payload(), StationConfig.class);
        assertThat(back).isEqualTo(config());
        assertThat(new String(envelope.payload())).contains("\"vehicleKinds\":[\"light\"]")
                .contains("\"MONDAY\":[\"13:00-18:00\",\"07:00-12:00\"]").doesNotContain("environmentalUntil");
    }

    @Test
    void opensAtTheFirstMinuteAndClosesAtTheLast() {
        LocalDate tuesday = LocalDate.of(2026, 1, 13);
        assertThat(WEEK.isOpen(tuesday.atTime(6, 59, 59))).isFalse();
        assertThat(WEEK.isOpen(tuesday.atTime(7, 0))).isTrue();
        assertThat(WEEK.isOpen(tuesday.atTime(17, 59, 59))).isTrue();
        assertThat(WEEK.isOpen(tuesday.atTime(18, 0))).isFalse();
        assertThat(WEEK.nextOpening(tuesday.atTime(6, 59))).contains(tuesday.atTime(7, 0));
        // Wednesday to Friday closed, Saturday opens at 08:00
        assertThat(WEEK.nextOpening(tuesday.atTime(18, 0))).contains(LocalDateTime.of(2026, 1, 17, 8, 0));
    }

    @Test
    void aHolidayTakesTheHoursOfTheDayItIsLike() {
        LocalDate holidayMonday = LocalDate.of(2026, 1, 12);
        assertThat(WEEK.isOpen(holidayMonday.atTime(7, 30))).isFalse();
        assertThat(WEEK.isOpen(holidayMonday.atTime(8, 0))).isTrue();
        assertThat(WEEK.isOpen(holidayMonday.atTime(14, 0))).isFalse();
        assertThat(WEEK.isOpen(LocalDate.of(2026, 1, 19).atTime(14, 0))).isTrue();
        assertThat(WEEK.nextOpening(LocalDate.of(2026, 1, 12).atTime(12, 30))).contains(LocalDateTime.of(2026, 1, 13, 7, 0));
    }

    @Test
    void badConfigsAreRefused() {
        assertThatThrownBy(() -> new OpeningWeek(Map.of(DayOfWeek.MONDAY, List.of("18:00-07:00")), "CLOSED", null))
                .hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> new OpeningWeek(Map.of(), "HOLIDAY", null)).hasMessageContaining("onHolidays");
        assertThatThrownBy(() -> new ScheduleStop("5001", OffsetDateTime.parse("2026-02-01T07:00-05:00"),
                OffsetDateTime.parse("2026-02-01T18:00-05:00"))).hasMessageContaining("DANE");
        byte[] zeroCapacity = new String(Json.write(config())).replace("\"capacityPerHour\":4", "\"capacityPerHour\":0").getBytes();
        assertThatThrownBy(() -> Json.read(zeroCapacity, StationConfig.class)).isInstanceOf(IOException.class);
    }
}
