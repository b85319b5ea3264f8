package co.rtm.hub.ledger;

import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.inspection.TestKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules on a retest (art. 3.3.5.3, 3.3.5.1.6), without I/O, in the order checked: the original FUR exists at
 * the same centre, is for the same plate, was REJECTED, has not had its one retest and is not itself a retest; the
 * retest starts within 15 calendar days; it repeats every test the original failed and a full sensory review.
 *
 * <p>Days are Bogotá calendar days. Day 0 is the day the original was rejected (its {@code testedAt}, "la fecha
 * en que fue reprobado"); a retest that starts (its {@code startedAt}) on day 15 is accepted, on day 16 refused,
 * whatever the hour. A retest may not start before the original was rejected.
 */
public final class RetestRules {
    /** Art. 3.3.5.3: "dentro de los quince (15) días calendario contados a partir de la fecha en que fue reprobado". */
    public static final int WINDOW_DAYS = 15;

    private RetestRules() {
    }

    /** @param original the result with the requested FUR number at the retest's centre, if any */
    public static Optional<LedgerDecision> check(Submission s, RetestRequest retest, Optional<OriginalResult> original) {
        long fur = retest.originalFur();
        if (original.isEmpty()) {
            return refuse(RefusalReasons.RETEST_ORIGINAL_NOT_FOUND, "centre " + s.centerId() + " issued no FUR " + fur
                    + "; a retest returns to the centre that rejected the vehicle (art. 3.3.5.3)");
        }
        OriginalResult o = original.get();
        if (!plate(o.subject()).equals(plate(s.subject()))) {
            return refuse(RefusalReasons.RETEST_PLATE_MISMATCH, "FUR " + fur + " is for plate " + o.subject()
                    + ", this retest for " + s.subject());
        }
        if (o.verdict() != Verdict.REJECTED) {
            return refuse(RefusalReasons.RETEST_ORIGINAL_NOT_REJECTED, "FUR " + fur + " was " + o.verdict()
                    + "; only a rejected vehicle has a retest (art. 3.3.5.3)");
        }
        if (o.retestOfFur() != null) {
            return refuse(RefusalReasons.RETEST_ALREADY_USED, "FUR " + fur + " is itself the retest of FUR " + o.retestOfFur()
                    + "; after a failed retest the vehicle needs a new paid inspection (art. 3.3.5.1.6)");
        }
        if (o.alreadyRetested()) {
            return refuse(RefusalReasons.RETEST_ALREADY_USED, "FUR " + fur + " already had its one free retest (art. 3.3.5.3)");
        }
        LocalDate day0 = o.testedAt().atZone(OpeningHours.BOGOTA).toLocalDate();
        LocalDate started = s.startedAt().atZone(OpeningHours.BOGOTA).toLocalDate();
        long day = ChronoUnit.DAYS.between(day0, started);
        if (s.startedAt().isBefore(o.testedAt())) {
            return refuse(RefusalReasons.RETEST_OUTSIDE_WINDOW, "the retest started before FUR " + fur + " was rejected ("
                    + o.testedAt() + ")");
        }
        if (day > WINDOW_DAYS) {
            return refuse(RefusalReasons.RETEST_OUTSIDE_WINDOW, "FUR " + fur + " was rejected on " + day0
                    + " (Bogotá); the retest started on " + started + ", day " + day + " of " + WINDOW_DAYS
                    + " (art. 3.3.5.3)");
        }
        Set<TestKind> missing = EnumSet.noneOf(TestKind.class);
        missing.addAll(o.failedTests());
        missing.add(TestKind.SENSORY);  // art. 3.3.5.3 par.: "en todos los casos ... revisión sensorial completa"
        missing.removeAll(retest.performed());
        if (!missing.isEmpty()) {
            return refuse(RefusalReasons.RETEST_INCOMPLETE, "the retest of FUR " + fur + " lacks "
                    + missing.stream().map(t -> t == TestKind.SENSORY ? "the full sensory review" : "the " + t.json() + " test")
                    .collect(Collectors.joining(", ")) + " (art. 3.3.5.3)");
        }
        return Optional.empty();
    }

    /** Plates compare without case, spaces or hyphens: "abc-123" is ABC123. */
    static String plate(String text) {
        return text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static Optional<LedgerDecision> refuse(String code, String detail) {
        return Optional.of(new LedgerDecision.Refuse(code, detail));
    }
}
