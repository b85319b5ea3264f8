package co.rtm.hub.plausibility;

import co.rtm.profiles.inspection.TestKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the plausibility rules read from one inspection message: when it started and when it was tested (station
 * clock), the tests with measurements, the tests the lane declared invalid ({@code input.invalidTests}), and the
 * evidence, null when the lane sent none.
 */
public record InspectionFacts(Instant startedAt, Instant testedAt, Set<TestKind> measured, Set<TestKind> declaredInvalid,
                              Evidence evidence) {
    public InspectionFacts {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(testedAt, "testedAt");
        measured = Set.copyOf(measured);
        declaredInvalid = Set.copyOf(declaredInvalid);
    }
}
