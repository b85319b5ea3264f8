package co.rtm.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import co.rtm.hub.mobile.Stay;
import co.rtm.profiles.config.ScheduleStop;

class ScheduleStopsTest {
    @Test
    void aStayRunsFromItsFirstBogotaMidnightToTheMidnightAfterItsLastDay() {
        Stay stay = new Stay(1, "MOB-1", "91001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null);
        assertThat(ScheduleStops.of(List.of(stay))).containsExactly(new ScheduleStop("91001",
                OffsetDateTime.parse("2026-11-01T00:00-05:00"), OffsetDateTime.parse("2026-12-01T00:00-05:00")));
    }

    @Test
    void aLeaveByDateEndsTheStopAfterThatDayAndOneBeforeTheFirstDayDropsIt() {
        Stay early = new Stay(1, "MOB-1", "91001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 20));
        Stay late = new Stay(2, "MOB-1", "91540", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 20));
        Stay after = new Stay(3, "MOB-1", "97001", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 1));
        assertThat(ScheduleStops.of(List.of(early, late, after))).extracting(ScheduleStop::municipality, ScheduleStop::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("91001", OffsetDateTime.parse("2026-11-21T00:00-05:00")),
                        org.assertj.core.groups.Tuple.tuple("97001", OffsetDateTime.parse("2027-02-01T00:00-05:00")));
    }
}
