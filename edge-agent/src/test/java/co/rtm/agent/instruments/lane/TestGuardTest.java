package co.rtm.agent.instruments.lane;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestGuardTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private final EmergencyStop stop = new EmergencyStop();
    private final TestGuard guard = new TestGuard(stop);

    @Test
    void aStepWithNoPressCompletesWithItsValue() throws Exception {
        StepOutcome<Double> outcome = guard.run(control -> 1234.5);
        assertThat(outcome).isEqualTo(new StepOutcome.Completed<>(1234.5));
    }

    @Test
    void aStepIsNotStartedWhileTheStopIsPressed() throws Exception {
        stop.press(T0, "button");
        AtomicBoolean ran = new AtomicBoolean();
        StepOutcome<String> outcome = guard.run(control -> {
            ran.set(true);
            return "measured";
        });
        assertThat(ran).isFalse();
        assertThat(outcome).isEqualTo(new StepOutcome.Aborted<>(T0, "emergency stop"));
    }

    @Test
    void aPressInterruptsABlockedStepAndAbortsIt() throws Exception {
        CountDownLatch stepWaiting = new CountDownLatch(1);
        Thread presser = new Thread(() -> {
            try {
                stepWaiting.await();
            } catch (InterruptedException e) {
                return;
            }
            stop.press(T0, "button");
        });
        presser.start();

        long t = System.nanoTime();
        StepOutcome<String> outcome = guard.run(control -> {
            stepWaiting.countDown();
            Thread.sleep(30_000);   // e.g. waiting for the brake tester's next frame
            return "never";
        });

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).isLessThan(10_000);
        assertThat(outcome).isEqualTo(new StepOutcome.Aborted<>(T0, TestGuard.EMERGENCY_STOP));
        assertThat(Thread.currentThread().isInterrupted()).as("the guard's interrupt is cleared").isFalse();
        presser.join();
    }

    @Test
    void aPressAndReleaseDuringTheStepStillAbortsEvenIfTheStepReturnsNormally() throws Exception {
        StepOutcome<String> outcome = guard.run(control -> {
            stop.press(T0, "button");
            stop.release(T0.plusMillis(300));
            Thread.interrupted();                 // a step that swallows the interrupt
            return "a value measured across the stop";
        });
        assertThat(outcome).isInstanceOf(StepOutcome.Aborted.class);
        assertThat(((StepOutcome.Aborted<String>) outcome).reason()).isEqualTo("emergency stop");
    }

    @Test
    void aLoopingStepSeesTheAbortThroughItsControl() throws Exception {
        StepOutcome<Integer> outcome = guard.run(control -> {
            int samples = 0;
            while (true) {
                if (samples == 3) {
                    new Thread(() -> stop.press(T0, "button")).start();
                }
                try {
                    control.checkNotAborted();
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    assertThat(control.aborted()).isTrue();
                    control.checkNotAborted();
                }
                samples++;
            }
        });
        assertThat(outcome).isEqualTo(new StepOutcome.Aborted<>(T0, "emergency stop"));
    }

    @Test
    void aFailureWithNoPressReachesTheCaller() {
        assertThatThrownBy(() -> guard.run(control -> {
            throw new IOException("brake tester gone");
        })).isInstanceOf(IOException.class).hasMessage("brake tester gone");
    }

    @Test
    void aFailureCausedByTheAbortBecomesTheAbortedOutcome() throws Exception {
        StepOutcome<Void> outcome = guard.run(control -> {
            stop.press(T0, "button");
            throw new IOException("read interrupted");
        });
        assertThat(outcome).isEqualTo(new StepOutcome.Aborted<>(T0, "emergency stop"));
    }

    @Test
    void aPressAfterTheStepEndedDoesNotTouchTheCallerThread() throws Exception {
        StepOutcome<String> outcome = guard.run(control -> "done");
        stop.press(T0, "button");
        assertThat(outcome).isEqualTo(new StepOutcome.Completed<>("done"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
