package co.rtm.agent.inspection;

import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.profiles.inspection.TestKind;

/**
 * One test of an inspection as the lane runs it: fed the instrument's events in order, it applies the
 * procedure (preconditions, sequence, repeats), tells the technician what to do next, and ends with either
 * the measured block for the scoring input or the reason the test is invalid. Pure: no clock, no I/O; the
 * session owns the instrument, the deadline and the emergency stop.
 *
 * @param <M> the {@code Measurements} block this test fills (e.g. {@code Measurements.Brakes})
 */
public interface TestProcedure<M> {

    TestKind test();

    /** What the technician should do now, in Spanish (shown on the lane display). */
    String prompt();

    /**
     * Feeds one event. Faults make the test invalid unless the procedure allows a repeat.
     *
     * @return true once the test is finished (measured or invalid); later events are ignored
     */
    boolean accept(InstrumentEvent event);

    /** The outcome; only meaningful once {@link #accept} returned true. */
    TestOutcome<M> outcome();

    /** The session gives up (deadline, emergency stop, technician abort): the test becomes invalid with that reason. */
    void abort(String reason);
}
