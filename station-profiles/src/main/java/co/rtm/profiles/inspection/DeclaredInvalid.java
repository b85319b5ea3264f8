package co.rtm.profiles.inspection;

import java.util.Objects;

/**
 * A test the lane itself could not perform validly (instrument fault, emergency stop, calibration expired,
 * procedure aborted), declared in the scoring input's {@code invalidTests}. The scorer reports it invalid with
 * this reason and never scores it as passed (DESIGN §5).
 */
public record DeclaredInvalid(TestKind test, String reason) {
    public DeclaredInvalid {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(reason, "reason");
    }
}
