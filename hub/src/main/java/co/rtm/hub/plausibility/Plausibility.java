package co.rtm.hub.plausibility;

import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.ProfileTest;
import co.rtm.profiles.profile.StationProfile;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The plausibility checks that need no database, in the spirit of SICOV validating "la realización" of the RTM
 * (art. 3.3.5.1.11 par. 2): a test measured with an instrument whose metrological verification had expired, a test
 * whose raw series is shorter than the lane profile allows, an inspection shorter than the profile allows. Checked in
 * that order; the first broken one refuses. What the profile or the message does not carry is not checked.
 * See docs/rules-plausibility.md.
 */
public final class Plausibility {
    private Plausibility() {
    }

    /** A refusal: one of the {@link RefusalReasons} codes and a sentence for the supervisor and the technician. */
    public record Finding(String code, String detail) {}

    public static Optional<Finding> check(StationProfile profile, InspectionFacts f) {
        Evidence evidence = f.evidence();
        if (evidence != null) {
            // the due day itself is still valid, as the agent's own check (DeviceIdentity.verifiedOn)
            LocalDate day = f.startedAt().atZone(OpeningHours.BOGOTA).toLocalDate();
            for (Evidence.Instrument i : evidence.instruments()) {
                Optional<TestKind> test = kind(i.test());
                if (i.verificationDue() != null && i.verificationDue().isBefore(day) && test.isPresent()
                        && f.measured().contains(test.get()) && !f.declaredInvalid().contains(test.get())) {
                    return refuse(RefusalReasons.CALIBRATION_EXPIRED, i.test() + " was measured with instrument "
                            + (i.serial() == null ? "(no serial)" : i.serial()) + " whose verification was due "
                            + i.verificationDue() + ", before the inspection started on " + day
                            + " (Bogotá); declare the test invalid instead");
                }
            }
            for (ProfileTest t : profile.tests()) {
                if (t.minimumSeconds() == null || !f.measured().contains(t.test()) || f.declaredInvalid().contains(t.test())) {
                    continue;
                }
                Evidence.TestSeries s = evidence.series().get(t.test().json());
                long ms = s == null ? 0 : s.durationMs();
                if (ms < t.minimumSeconds() * 1000L) {
                    return refuse(RefusalReasons.TOO_SHORT_TEST, "the " + t.test().json() + " series lasts "
                            + seconds(ms) + " s" + (s == null ? " (no series sent)" : "") + "; profile " + profile.ref()
                            + " requires at least " + t.minimumSeconds() + " s");
                }
            }
        }
        Integer minimum = profile.minimumInspectionSeconds();
        if (minimum != null) {
            // on an instrumented lane testedAt is when the instrument tests began: their series add to it
            long ms = Duration.between(f.startedAt(), f.testedAt()).toMillis() + (evidence == null ? 0 : evidence.totalMs());
            if (ms < minimum * 1000L) {
                return refuse(RefusalReasons.TOO_SHORT_INSPECTION, "the inspection lasts " + seconds(ms) + " s (startedAt "
                        + f.startedAt() + ", testedAt " + f.testedAt()
                        + (evidence == null ? "" : ", instrument series " + seconds(evidence.totalMs()) + " s")
                        + "); profile " + profile.ref() + " requires at least " + minimum + " s");
            }
        }
        return Optional.empty();
    }

    private static Optional<TestKind> kind(String json) {
        try {
            return Optional.of(TestKind.fromJson(json));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static Optional<Finding> refuse(String code, String detail) {
        return Optional.of(new Finding(code, detail));
    }
}
