package co.rtm.agent.instruments.lane;

import java.time.Instant;
import java.util.Objects;

/**
 * Runs one test step (a brake test, a gas test, ...) so that the emergency stop aborts it. The inspection session
 * wraps each step in {@link #run}:
 *
 * <ul>
 *   <li>stop already pressed: the step is not started, the outcome is {@link StepOutcome.Aborted};</li>
 *   <li>stop pressed while the step runs: the step's thread is interrupted (so blocking waits on instruments end
 *       at once) and {@link Control#aborted()} turns true; whatever the step then returns or throws is dropped
 *       and the outcome is {@link StepOutcome.Aborted} with reason {@value #EMERGENCY_STOP}, even if the stop was
 *       released again before the step noticed;</li>
 *   <li>no press: the outcome is {@link StepOutcome.Completed} with the step's value, and an exception the step
 *       throws reaches the caller unchanged.</li>
 * </ul>
 *
 * The interrupt the guard sends is cleared before {@link #run} returns, so the session thread goes on cleanly.
 * One guard may be shared; each {@link #run} call guards the calling thread only.
 */
public final class TestGuard {

    /** The reason recorded on a test aborted by the emergency stop. */
    public static final String EMERGENCY_STOP = "emergency stop";

    /** A test step; long loops should call {@link Control#checkNotAborted()} now and then. */
    @FunctionalInterface
    public interface Step<T> {
        T run(Control control) throws Exception;
    }

    /** What a running step can ask its guard. */
    public interface Control {
        /** Whether the emergency stop fired since the step started. */
        boolean aborted();

        /** @throws TestAbortedException once the emergency stop fired */
        void checkNotAborted() throws TestAbortedException;
    }

    private final EmergencyStop stop;

    public TestGuard(EmergencyStop stop) {
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /** Run {@code step} on the calling thread under the emergency stop. */
    public <T> StepOutcome<T> run(Step<T> step) throws Exception {
        Objects.requireNonNull(step, "step");
        Run run = new Run(Thread.currentThread());
        try (EmergencyStop.Subscription ignored = stop.subscribe((at, source) -> run.abort(at))) {
            if (stop.pressed()) {
                return aborted(stop.pressedAt().orElse(Instant.now()));
            }
            if (!run.begin()) {
                return aborted(run.abortedAt());
            }
            T value = null;
            Exception failure = null;
            try {
                value = step.run(run);
            } catch (Exception e) {
                failure = e;
            } finally {
                run.end();
            }
            if (run.abortedAt() != null) {
                return aborted(run.abortedAt());
            }
            if (failure != null) {
                throw failure;
            }
            return new StepOutcome.Completed<>(value);
        }
    }

    private static <T> StepOutcome<T> aborted(Instant at) {
        return new StepOutcome.Aborted<>(at, EMERGENCY_STOP);
    }

    /** One guarded run: who to interrupt, and whether the stop fired. */
    private static final class Run implements Control {
        private final Thread runner;
        private Instant abortedAt;
        private boolean running;
        private boolean interruptSent;

        Run(Thread runner) {
            this.runner = runner;
        }

        synchronized void abort(Instant at) {
            if (abortedAt == null) {
                abortedAt = at;
            }
            if (running && !interruptSent) {
                interruptSent = true;
                runner.interrupt();
            }
        }

        /** @return false when the stop fired before the step could start */
        synchronized boolean begin() {
            running = abortedAt == null;
            return running;
        }

        synchronized void end() {
            running = false;
            if (interruptSent) {
                Thread.interrupted();   // ours, not the caller's: clear it (runs on the runner thread)
            }
        }

        synchronized Instant abortedAt() {
            return abortedAt;
        }

        @Override
        public synchronized boolean aborted() {
            return abortedAt != null;
        }

        @Override
        public void checkNotAborted() throws TestAbortedException {
            if (aborted()) {
                throw new TestAbortedException(EMERGENCY_STOP);
            }
        }
    }
}
