package co.rtm.agent.instruments.lane;

import java.time.Instant;
import java.util.Objects;

/** How a test step run under a {@link TestGuard} ended: it completed with a value, or it was aborted. */
public sealed interface StepOutcome<T> {

    /** The step ran to its end with no emergency stop on the way; {@code value} is what it returned. */
    record Completed<T>(T value) implements StepOutcome<T> {}

    /**
     * The step was aborted (or never started) because the emergency stop was pressed: the test it belongs to is
     * invalid, with {@code reason} as the reason to record (never a pass or a fail).
     */
    record Aborted<T>(Instant at, String reason) implements StepOutcome<T> {
        public Aborted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
