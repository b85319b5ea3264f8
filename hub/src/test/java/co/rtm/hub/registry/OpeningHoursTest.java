package co.rtm.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final String USUAL = "mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed";
    private final OpeningHours hours = OpeningHours.parse(USUAL);

    private static Instant bogota(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "-05:00").toInstant();
    }

    @Test
    void opensAtTheFirstMinuteAndClosesAtTheEndOfTheRange() {
        // Tuesday 17 November 2026
        assertThat(hours.isOpen(bogota("2026-11-17T06:59:59"))).isFalse();
        assertThat(hours.isOpen(bogota("2026-11-17T07:00:00"))).isTrue();
        assertThat(hours.isOpen(bogota("2026-11-17T17:59:59"))).isTrue();
        assertThat(hours.isOpen(bogota("2026-11-17T18:00:00"))).isFalse();
    }

    @Test
    void readsTheClockInBogotaNotUtc() {
        // 12:30 UTC is 07:30 in Bogotá
        assertThat(hours.isOpen(Instant.parse("2026-11-17T12:30:00Z"))).isTrue();
        // 23:30 UTC on Tuesday is 18:30 in Bogotá: closed
        assertThat(hours.isOpen(Instant.parse("2026-11-17T23:30:00Z"))).isFalse();
    }

    @Test
    void saturdayShortDayAndClosedSunday() {
        assertThat(hours.isOpen(bogota("2026-11-21T12:59:00"))).isTrue();
        assertThat(hours.isOpen(bogota("2026-11-21T13:00:00"))).isFalse();
        assertThat(hours.isOpen(bogota("2026-11-22T10:00:00"))).isFalse();
    }

    @Test
    void holidaysClosedOrLikeAnotherDayOrOrdinary() {
        // Monday 16 November 2026 is a holiday (Independencia de Cartagena, moved)
        assertThat(hours.isOpen(bogota("2026-11-16T10:00:00"))).isFalse();
        OpeningHours likeSaturday = OpeningHours.parse("mon-fri 07:00-18:00; sat 08:00-13:00; holidays as sat");
        assertThat(likeSaturday.isOpen(bogota("2026-11-16T07:30:00"))).isFalse();
        assertThat(likeSaturday.isOpen(bogota("2026-11-16T12:00:00"))).isTrue();
        assertThat(likeSaturday.isOpen(bogota("2026-11-16T14:00:00"))).isFalse();
        OpeningHours ordinary = OpeningHours.parse("mon-fri 07:00-18:00");
        assertThat(ordinary.isOpen(bogota("2026-11-16T17:00:00"))).isTrue();
    }

    @Test
    void alwaysOpenIsTheDefault() {
        assertThat(OpeningHours.ALWAYS_OPEN.isOpen(bogota("2026-12-25T03:00:00"))).isTrue();
        assertThat(OpeningHours.ALWAYS_OPEN.isOpen(bogota("2026-11-22T23:59:59"))).isTrue();
        assertThat(OpeningHours.ALWAYS_OPEN.format()).isEqualTo("mon-sun 00:00-24:00");
    }

    @Test
    void formatsCanonicallyAndRoundTrips() {
        assertThat(hours.format()).isEqualTo(USUAL);
        OpeningHours split = OpeningHours.parse(" Mon,Wed-Fri  07:00-12:00,14:00-18:00 ; tue 07:00-18:00 ;holidays as sat");
        assertThat(split.week().get(DayOfWeek.MONDAY))
                .containsExactly(new TimeRange(420, 720), new TimeRange(840, 1080));
        assertThat(split.format()).isEqualTo("mon 07:00-12:00,14:00-18:00; tue 07:00-18:00; "
                + "wed-fri 07:00-12:00,14:00-18:00; holidays as sat");
        assertThat(OpeningHours.parse(split.format())).isEqualTo(split);
        assertThat(OpeningHours.parse("mon-sun closed").week()).isEmpty();
        assertThat(OpeningHours.parse("sat closed; mon 00:00-24:00").week()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(OpeningHours.parse("mon 08:00-09:00").holidays()).isEqualTo(new HolidayRule.Ordinary());
        assertThat(OpeningHours.parse("mon 08:00-09:00").week().get(DayOfWeek.MONDAY)).isEqualTo(List.of(new TimeRange(480, 540)));
    }

    @Test
    void errorsNameTheBadPart() {
        assertThatThrownBy(() -> OpeningHours.parse("mon-fri 07:00-18:00; sta 08:00-13:00"))
                .hasMessageContaining("'sta 08:00-13:00'").hasMessageContaining("unknown day 'sta'");
        assertThatThrownBy(() -> OpeningHours.parse("mon 7:00-18:00"))
                .hasMessageContaining("'mon 7:00-18:00'").hasMessageContaining("not a time range");
        assertThatThrownBy(() -> OpeningHours.parse("mon 18:00-07:00")).hasMessageContaining("must start before it ends");
        assertThatThrownBy(() -> OpeningHours.parse("mon 07:00-25:00")).hasMessageContaining("impossible time 25:00");
        assertThatThrownBy(() -> OpeningHours.parse("mon-fri 07:00-18:00; fri 08:00-09:00"))
                .hasMessageContaining("'fri 08:00-09:00'").hasMessageContaining("fri is given twice");
        assertThatThrownBy(() -> OpeningHours.parse("fri-mon 07:00-18:00")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> OpeningHours.parse("holidays sometimes")).hasMessageContaining("'holidays sometimes'");
        assertThatThrownBy(() -> OpeningHours.parse("mon 07:00-12:00,11:00-18:00")).hasMessageContaining("overlap on mon");
        assertThatThrownBy(() -> OpeningHours.parse("mon 07:00-18:00;")).hasMessageContaining("empty part");
        assertThatThrownBy(() -> OpeningHours.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> OpeningHours.parse("mon")).hasMessageContaining("expected days then hours");
    }
}
