package co.rtm.agent.inspection;

import java.util.Objects;

/** How a test ended: measured (the block for the scoring input) or invalid with a reason shown to people. */
public sealed interface TestOutcome<M> {

    record Measured<M>(M block) implements TestOutcome<M> {
        public Measured {
            Objects.requireNonNull(block, "block");
        }
    }

    record Invalid<M>(String reason) implements TestOutcome<M> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
