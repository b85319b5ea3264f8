package co.rtm.sim.mobile;

import java.time.Instant;

/** One planned event of the line, at a simulated instant; the run plays them in time order. */
public sealed interface Step permits Step.Fix, Step.Verify, Step.Inspect, Step.Attempt {
    Instant at();

    /** The GPS reports the line at {@code lat, lon}. */
    record Fix(Instant at, double lat, double lon) implements Step {
    }

    /** The technician records a metrological verification (art. 3.3.3.8). */
    record Verify(Instant at, String note) implements Step {
    }

    /**
     * An inspection started at {@code at}; {@code expected} is the hub's answer the plan means: {@code ACCEPTED} or a
     * refusal code. {@code why} says what the line did.
     */
    record Inspect(Instant at, String expected, String why) implements Step {
    }

    /** The technician tries to start an inspection and the agent is expected to hold the lane ({@code expected}). */
    record Attempt(Instant at, String expected, String why) implements Step {
    }
}
