package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.hub.registry.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether an inspection of a mobile line may be accepted (DESIGN §7); pure but for the track it is given. In order,
 * the first failure wins:
 * <ol>
 *   <li>{@code NOT_IN_SCHEDULED_MUNICIPALITY}: no stay of the line covers the Bogotá date the inspection started
 *   (art. 3.3.1.6 m: the line works to its "cronograma");</li>
 *   <li>{@code PAST_LEAVE_BY_DATE}: the stay's municipality got a fixed CDA within 50 km and the 30 days to leave
 *   have passed (art. 3.3.3.10: "dentro de los treinta (30) días siguientes a la notificación ... deberá
 *   desplazarse"); the 30th day is still allowed;</li>
 *   <li>{@code NO_RECENT_FIX}: the station has no fix taken at or before the start and at most
 *   {@link MobileSettings#maxFixAge()} older than it (art. 3.3.1.6 h, i: the GPS on the unit);</li>
 *   <li>{@code OUTSIDE_SCHEDULED_MUNICIPALITY}: that fix is more than {@link MobileSettings#toleranceMetres()} from
 *   the scheduled municipality (0 inside);</li>
 *   <li>{@code METROLOGICAL_VERIFICATION_REQUIRED}: a fix after the station's last VERIFICATION event (or any fix,
 *   without one) and at or before the start lies beyond the tolerance from the scheduled municipality, i.e. the line
 *   came from elsewhere and has not verified since (art. 3.3.3.8: "verificaciones metrológicas cada vez que se
 *   desplacen de un municipio a otro").</li>
 * </ol>
 *
 * <p>The move scan starts at the later of the last verification and {@code previousInspection - maxFixAge}: an
 * inspection of the same station accepted under a schedule already showed that the track up to it had no move since
 * the last verification, and the fix that justified it (at most maxFixAge older) is scanned again, so a move right
 * after it is still seen even when the GPS was off on the road. Without this a line that verified once and then
 * reports a fix a minute for a month would have every one of them re-read at each inspection.
 */
public final class MobileAcceptance {
    private MobileAcceptance() {
    }

    /** A refusal: a code of {@link RefusalReasons} and a one-line detail. */
    public record Refused(String code, String detail) {
    }

    /**
     * @param stationId        the lane whose track is read
     * @param startedAt        when the inspection started (station clock)
     * @param stays            the line's stays
     * @param lastVerification   the station's newest VERIFICATION event at or before {@code startedAt}, or null
     * @param previousInspection the start of the station's newest inspection before this one that was accepted under
     *                           a schedule, or null
     */
    public static Optional<Refused> check(String stationId, Instant startedAt, Collection<Stay> stays,
                                          Instant lastVerification, Instant previousInspection, TrackHistory track,
                                          Municipalities municipalities, MobileSettings settings) {
        LocalDate date = startedAt.atZone(OpeningHours.BOGOTA).toLocalDate();
        Stay stay = stays.stream().filter(s -> s.covers(date)).findFirst().orElse(null);
        if (stay == null) {
            return refuse(RefusalReasons.NOT_IN_SCHEDULED_MUNICIPALITY,
                    "no stay of the line's schedule covers " + date + " (art. 3.3.1.6 m)");
        }
        String code = stay.municipalityCode();
        if (stay.leaveBy() != null && date.isAfter(stay.leaveBy())) {
            return refuse(RefusalReasons.PAST_LEAVE_BY_DATE, "a fixed CDA opened within 50 km of " + code
                    + "; the line had to leave by " + stay.leaveBy() + " (art. 3.3.3.10)");
        }
        Optional<Fix> latest = track.latestAtOrBefore(stationId, startedAt);
        if (latest.isEmpty()) {
            return refuse(RefusalReasons.NO_RECENT_FIX, "station " + stationId + " has no GPS fix before " + startedAt);
        }
        Duration age = Duration.between(latest.get().deviceTime(), startedAt);
        if (age.compareTo(settings.maxFixAge()) > 0) {
            return refuse(RefusalReasons.NO_RECENT_FIX, "the newest GPS fix of station " + stationId + " is "
                    + age.toSeconds() + " s older than the start, more than " + settings.maxFixAge().toSeconds() + " s");
        }
        double away = municipalities.distanceMetres(code, latest.get().latitude(), latest.get().longitude());
        if (away > settings.toleranceMetres()) {
            return refuse(RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY, "the GPS fix at " + latest.get().deviceTime()
                    + " is " + Math.round(away) + " m outside municipality " + code + " scheduled for " + date);
        }
        Instant scanAfter = lastVerification;
        if (previousInspection != null) {
            // minus one microsecond: the bound is exclusive, the fix exactly maxFixAge old is scanned too
            Instant proven = previousInspection.minus(settings.maxFixAge()).minusNanos(1_000);
            if (scanAfter == null || proven.isAfter(scanAfter)) {
                scanAfter = proven;
            }
        }
        Optional<Fix> elsewhere = track.firstMatching(stationId, scanAfter, startedAt,
                f -> municipalities.distanceMetres(code, f.latitude(), f.longitude()) > settings.toleranceMetres());
        if (elsewhere.isPresent()) {
            return refuse(RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED, "the line was outside " + code + " at "
                    + elsewhere.get().deviceTime() + (lastVerification == null ? ", and has recorded no metrological verification"
                    : ", after its last metrological verification at " + lastVerification) + " (art. 3.3.3.8)");
        }
        return Optional.empty();
    }

    private static Optional<Refused> refuse(String code, String detail) {
        return Optional.of(new Refused(code, detail));
    }
}
