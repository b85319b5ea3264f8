package co.rtm.hub.exam;

import co.rtm.hub.ledger.LedgerDecision;
import co.rtm.profiles.exam.Decision;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.eligibility.Eligibility;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.ExamMessage;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The hub-side rules of a CALE exam, without I/O, in the order they are checked; the first broken one refuses. They
 * come after the signed path, the re-scoring and the ledger's station, seq and opening-hours checks.
 *
 * <ol>
 *   <li>the station is a theory (or practical, matching the part) station of a CALE;</li>
 *   <li>the turn is booked at this CALE for this candidate, category, part and procedure, and not used yet;</li>
 *   <li>the candidate arrived at least 30 minutes before the booked turn's start (art. 3.7.3.1.2);</li>
 *   <li>a theory draw's (seed, seat) is used once (art. 3.7.3.1.3, "único e irreplicable");</li>
 *   <li>CRC and CEA certificates valid on the exam day (art. 3.7.3.1.2);</li>
 *   <li>history: a free retake only within 10 days of a failure (art. 3.7.3.1.4 par. 1, art. 3.7.3.2.3); a practical only
 *       after a passed theory within 30 days at the same CALE (art. 3.7.3.1.4 par. 2, art. 3.7.3.2.1);</li>
 *   <li>a practical's identifications (start and close) were matched against the same registry reference as the passed
 *       theory exam's (art. 3.7.3.2.1); capture and photo hashes differ at every capture, so they are not compared;</li>
 *   <li>theory capacity: no more theory exams at once than the CALE's theory stations (DESIGN §4).</li>
 * </ol>
 */
public final class ExamRules {
    private static final Eligibility ELIGIBILITY = new Eligibility(
            Profiles.builtIn("cale-theory").orElseThrow().theory(), Profiles.builtIn("cale-practical").orElseThrow().practical());

    private ExamRules() {
    }

    public static Optional<LedgerDecision> check(ExamMessage m, ExamFacts f) {
        String wanted = m.part() == ExamPart.THEORY ? "cale-theory" : "cale-practical";
        String profileId = f.stationProfileId() == null ? "" : f.stationProfileId().split("@", 2)[0];
        if (!f.caleCenter() || !profileId.equals(wanted)) {
            return refuse(ExamReasons.EXAM_STATION_NOT_CALE, "a " + m.part() + " exam from station " + m.stationId()
                    + " (profile " + f.stationProfileId() + (f.caleCenter() ? "" : ", not at a CALE") + "); needs a " + wanted + " station of a CALE");
        }
        Booking b = f.booking();
        if (b == null) {
            return refuse(ExamReasons.BOOKING_NOT_FOUND, "no turn " + m.turnId() + " booked at " + m.cale());
        }
        if (!b.candidate().equals(m.candidate()) || b.category() != m.category() || b.part() != m.part()
                || b.procedure() != m.procedure()) {
            return refuse(ExamReasons.BOOKING_MISMATCH, "turn " + b.turnId() + " is booked for " + b.candidate() + " "
                    + b.part() + " " + b.category() + " " + b.procedure() + ", the exam is " + m.candidate() + " " + m.part()
                    + " " + m.category() + " " + m.procedure());
        }
        if (f.turnUsed()) {
            return refuse(ExamReasons.BOOKING_ALREADY_USED, "turn " + b.turnId() + " at " + m.cale() + " already has an exam");
        }
        Decision arrival = Eligibility.arrival(b.startsAt().atOffset(ZoneOffset.UTC), m.arrivedAt());
        if (!arrival.isAllowed()) {
            return refuse(arrival.refusal().name(), "turn " + b.turnId() + " starts " + b.startsAt() + ", arrived "
                    + m.arrivedAt() + ": " + arrival.detail());
        }
        if (m.theory() != null && f.seatUsed()) {
            return refuse(ExamReasons.DRAW_SEAT_REUSED, "draw seed " + m.theory().drawSeed() + " seat " + m.theory().seat()
                    + " was already used by another exam (art. 3.7.3.1.3)");
        }
        Decision d = Eligibility.certificates(f.certificates(), m.candidate(), m.category(), m.startedAt());
        if (d.isAllowed()) {
            d = switch (m.part()) {
                case THEORY -> b.freeRetake() ? ELIGIBILITY.freeTheoryRetake(f.history(), m.category(), m.startedAt()) : d;
                case PRACTICAL -> b.freeRetake()
                        ? ELIGIBILITY.freePracticalRetake(f.history(), m.category(), m.cale(), m.startedAt())
                        : ELIGIBILITY.practical(f.history(), m.category(), m.cale(), m.startedAt());
            };
        }
        if (!d.isAllowed()) {
            return refuse(d.refusal().name(), d.detail());
        }
        if (m.part() == ExamPart.PRACTICAL && f.theoryReferenceHash() != null) {
            for (var id : java.util.List.of(m.identification(), m.closingIdentification())) {
                if (!id.referenceHash().equals(f.theoryReferenceHash())) {
                    return refuse(ExamReasons.IDENTITY_MISMATCH, "the practical identification at " + id.at()
                            + " matched registry reference " + id.referenceHash().substring(0, 12) + "..., the passed theory exam "
                            + f.theoryReferenceHash().substring(0, 12) + "... (art. 3.7.3.2.1)");
                }
            }
        }
        if (m.part() == ExamPart.THEORY) {
            TheoryCapacity.Interval mine = new TheoryCapacity.Interval(m.startedAt().toInstant(), m.closedAt().toInstant());
            int peak = TheoryCapacity.peak(mine, f.overlappingTheory());
            if (peak > f.theoryStations()) {
                return refuse(ExamReasons.CAPACITY_EXCEEDED, "theory exam " + m.startedAt() + " to " + m.closedAt() + " would make "
                        + peak + " theory exams at once at " + m.cale() + ", which has " + f.theoryStations() + " theory stations");
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerDecision> refuse(String code, String detail) {
        return Optional.of(new LedgerDecision.Refuse(code, detail));
    }
}
