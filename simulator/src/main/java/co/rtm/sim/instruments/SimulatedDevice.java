package co.rtm.sim.instruments;

import co.rtm.agent.instruments.InstrumentKind;

import java.time.Instant;

/**
 * A simulated instrument's behaviour, apart from any transport: the bytes it sends as time passes (streamed
 * protocols) and the bytes it answers to commands (polled protocols). Pure and single-threaded: the transport
 * server ({@code TcpDeviceServer}, a pty, CoAP) owns the clock and the thread and calls these in turn.
 * Values depend on the vehicle under test, with noise; value faults (stuck, drift, expired calibration) are
 * the device's own, wire faults (disconnects, garbage bytes) are the server's.
 */
public interface SimulatedDevice {

    InstrumentKind kind();

    /** Bytes the device sends on its own by {@code now}; empty when it has nothing to say. Never null. */
    byte[] tick(Instant now);

    /** Bytes the device answers to {@code command} (possibly a partial command: keep it until complete). */
    byte[] onCommand(byte[] command, Instant now);

    /** Whether the device has sent everything it had to send for its vehicle (a polled device never is). */
    default boolean finished() {
        return false;
    }
}
