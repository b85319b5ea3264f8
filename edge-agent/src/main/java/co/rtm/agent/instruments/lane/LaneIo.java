package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.InstrumentEvent;

import java.util.function.Consumer;

/**
 * The lane's own hardware: two vehicle-presence photocells, the emergency stop and the lane light.
 *
 * <p>Events go to one listener, on the thread that saw the change: a {@link co.rtm.agent.instruments.Reading}
 * with {@link co.rtm.agent.instruments.Sample.Presence} ({@link #ENTRY_CELL} or {@link #EXIT_CELL}) each time a
 * photocell changes state, in the order the changes happened, and a {@link co.rtm.agent.instruments.Fault} of
 * kind {@link co.rtm.agent.instruments.FaultKind#EMERGENCY_STOP} each time the stop is pressed. The release is
 * not an event: it shows on {@link #emergencyStop()} (state, listeners, {@code awaitRelease}).
 *
 * <p>While the stop is pressed the light is held RED whatever {@link #setLight} asks; after the release it stays
 * RED until the session sets it again.
 */
public interface LaneIo extends AutoCloseable {

    String ENTRY_CELL = "entry";
    String EXIT_CELL = "exit";

    /** Start delivering events to {@code listener}; call once. */
    void start(Consumer<InstrumentEvent> listener);

    /** Whether the photocell {@link #ENTRY_CELL} or {@link #EXIT_CELL} sees a vehicle now. */
    boolean occupied(String cell);

    /** The emergency stop, live from construction (before {@link #start}). */
    EmergencyStop emergencyStop();

    /** Ask for a light; ignored (held RED) while the emergency stop is pressed. */
    void setLight(LaneLight light);

    /** What the light shows now. */
    LaneLight light();

    /** Release the pins; the light is switched off. */
    @Override
    void close();
}
