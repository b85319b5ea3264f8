package co.rtm.hub.mobile;

import static co.rtm.hub.mobile.Places.BOGOTA;
import static co.rtm.hub.mobile.Places.BOGOTA_CENTRE;
import static co.rtm.hub.mobile.Places.CHIA;
import static co.rtm.hub.mobile.Places.CO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.hub.registry.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MobileAcceptance}, boundary by boundary, on an in-memory track and the real Bogotá boundary. */
class MobileAcceptanceTest {
    private static final String LANE = "mob-lane";
    private static final Stay NOVEMBER = new Stay(1, "MOB-1", BOGOTA, LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-30"), null);
    private static final Instant START = bogota("2026-11-17T09:00:00");
    private static final String CHIA_CODE = "25175";

    private static Instant bogota(String local) {
        return LocalDateTime.parse(local).atZone(OpeningHours.BOGOTA).toInstant();
    }

    private static Optional<String> check(Instant start, List<Stay> stays, Instant verifiedAt, TrackHistory track) {
        return check(start, stays, verifiedAt, null, track);
    }

    private static Optional<String> check(Instant start, List<Stay> stays, Instant verifiedAt, Instant previous,
                                          TrackHistory track) {
        return MobileAcceptance.check(LANE, start, stays, verifiedAt, previous, track, CO, MobileSettings.DEFAULT)
                .map(MobileAcceptance.Refused::code);
    }

    private static MemoryTrack fixInBogota(Instant at) {
        return new MemoryTrack(LANE).add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], at);
    }

    @Test
    void aFixUpTo15MinutesOldIsRecentAnOlderOneIsNot() {
        assertThat(check(START, List.of(NOVEMBER), null, fixInBogota(START.minus(Duration.ofMinutes(14))))).isEmpty();
        assertThat(check(START, List.of(NOVEMBER), null, fixInBogota(START.minus(Duration.ofMinutes(15))))).isEmpty();
        assertThat(check(START, List.of(NOVEMBER), null, fixInBogota(START.minus(Duration.ofMinutes(16)))))
                .contains(RefusalReasons.NO_RECENT_FIX);
    }

    @Test
    void noFixOrOnlyALaterOneIsNoRecentFix() {
        assertThat(check(START, List.of(NOVEMBER), null, new MemoryTrack(LANE))).contains(RefusalReasons.NO_RECENT_FIX);
        assertThat(check(START, List.of(NOVEMBER), null, fixInBogota(START.plusSeconds(60))))
                .contains(RefusalReasons.NO_RECENT_FIX);
        // another station's fix does not count
        assertThat(check(START, List.of(NOVEMBER), null, new MemoryTrack("other-lane")
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], START.minusSeconds(60)))).contains(RefusalReasons.NO_RECENT_FIX);
    }

    @Test
    void aFix900MetresOutsideIsToleratedOne1100MetresOutsideIsNot() {
        double[] near = Places.northOutside(BOGOTA, BOGOTA_CENTRE, 900);
        double[] far = Places.northOutside(BOGOTA, BOGOTA_CENTRE, 1_100);
        assertThat(CO.distanceMetres(BOGOTA, near[0], near[1])).isCloseTo(900, within(1.0));
        assertThat(CO.distanceMetres(BOGOTA, far[0], far[1])).isCloseTo(1_100, within(1.0));
        Instant at = START.minusSeconds(120);
        // the whole track is at that point, so no move either
        assertThat(check(START, List.of(NOVEMBER), null, new MemoryTrack(LANE).add(near[0], near[1], at))).isEmpty();
        assertThat(check(START, List.of(NOVEMBER), null, new MemoryTrack(LANE).add(far[0], far[1], at)))
                .contains(RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY);
    }

    @Test
    void theStayCoversItsFirstAndLastBogotaDayOnly() {
        Instant dayBefore = bogota("2026-10-31T23:59:00");
        Instant firstDay = bogota("2026-11-01T00:01:00");
        Instant lastDay = bogota("2026-11-30T23:59:00"); // already 1 December in UTC
        Instant dayAfter = bogota("2026-12-01T00:01:00");
        for (Instant ok : List.of(firstDay, lastDay)) {
            assertThat(check(ok, List.of(NOVEMBER), null, fixInBogota(ok.minusSeconds(60)))).isEmpty();
        }
        for (Instant outside : List.of(dayBefore, dayAfter)) {
            assertThat(check(outside, List.of(NOVEMBER), null, fixInBogota(outside.minusSeconds(60))))
                    .contains(RefusalReasons.NOT_IN_SCHEDULED_MUNICIPALITY);
        }
        assertThat(check(START, List.of(), null, fixInBogota(START.minusSeconds(60))))
                .contains(RefusalReasons.NOT_IN_SCHEDULED_MUNICIPALITY);
    }

    @Test
    void aMoveNeedsAVerificationAfterIt() {
        assertThat(CO.distanceMetres(BOGOTA, CHIA[0], CHIA[1])).isGreaterThan(2_000);
        Instant arrived = bogota("2026-11-17T07:30:00");
        MemoryTrack track = new MemoryTrack(LANE).add(CHIA[0], CHIA[1], bogota("2026-11-17T07:00:00"))
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], arrived)
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], START.minusSeconds(300));
        assertThat(check(START, List.of(NOVEMBER), bogota("2026-11-17T08:00:00"), track)).isEmpty();
        assertThat(check(START, List.of(NOVEMBER), bogota("2026-11-17T06:30:00"), track))
                .contains(RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED);
        assertThat(check(START, List.of(NOVEMBER), null, track))
                .contains(RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED);
        // verified at the very instant of the last fix outside: that fix is not after it
        assertThat(check(START, List.of(NOVEMBER), bogota("2026-11-17T07:00:00"), track)).isEmpty();
    }

    @Test
    void aLineThatNeverLeftNeedsNoVerification() {
        MemoryTrack track = fixInBogota(START.minus(Duration.ofDays(3))).add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1],
                START.minusSeconds(60));
        assertThat(check(START, List.of(NOVEMBER), null, track)).isEmpty();
    }

    @Test
    void theThirtiethDayAfterAFixedCdaOpenedIsTheLast() {
        LocalDate notified = LocalDate.parse("2026-11-05");
        Stay stay = new Stay(1, "MOB-1", BOGOTA, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-31"),
                notified.plusDays(Schedules.DAYS_TO_LEAVE));
        Instant day30 = bogota("2026-12-05T16:00:00");
        Instant day31 = bogota("2026-12-06T08:00:00");
        assertThat(check(day30, List.of(stay), null, fixInBogota(day30.minusSeconds(60)))).isEmpty();
        assertThat(check(day31, List.of(stay), null, fixInBogota(day31.minusSeconds(60))))
                .contains(RefusalReasons.PAST_LEAVE_BY_DATE);
    }

    @Test
    void aPreviousAcceptedInspectionBoundsTheMoveScanButItsOwnFixIsScannedAgain() {
        Stay chiaOctober = new Stay(1, "MOB-1", CHIA_CODE, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), null);
        List<Stay> stays = List.of(chiaOctober, NOVEMBER);
        Instant previous = bogota("2026-10-31T16:00:00");
        // the GPS was off on the road: the fix before the October inspection, then Bogotá the next morning
        MemoryTrack track = new MemoryTrack(LANE).add(CHIA[0], CHIA[1], previous.minus(Duration.ofMinutes(15)))
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], bogota("2026-11-01T08:50:00"));
        Instant start = bogota("2026-11-01T09:00:00");
        assertThat(check(start, stays, bogota("2026-10-01T07:00:00"), previous, track))
                .contains(RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED);
        assertThat(check(start, stays, bogota("2026-11-01T08:55:00"), previous, track)).isEmpty();
        // an old fix elsewhere, before an inspection accepted since, is not read again
        MemoryTrack old = new MemoryTrack(LANE).add(CHIA[0], CHIA[1], bogota("2026-11-02T07:00:00"))
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], bogota("2026-11-10T08:55:00"))
                .add(BOGOTA_CENTRE[0], BOGOTA_CENTRE[1], START.minusSeconds(60));
        assertThat(check(START, List.of(NOVEMBER), null, null, old)).contains(RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED);
        assertThat(check(START, List.of(NOVEMBER), null, bogota("2026-11-10T09:00:00"), old)).isEmpty();
    }
}
