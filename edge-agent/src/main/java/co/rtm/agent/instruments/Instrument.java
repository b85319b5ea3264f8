package co.rtm.agent.instruments;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A live instrument: a driver bound to its transport. It reports its identity, and streams readings and faults
 * to one listener from its own thread until closed. A closed or silent instrument reports a fault; it never goes
 * quiet without saying so.
 */
public interface Instrument extends AutoCloseable {

    InstrumentKind kind();

    /** The identity the device reported, once it has. */
    Optional<DeviceIdentity> identity();

    /**
     * Sends a command to the device (an identity request at the start of a test, a polled protocol's query).
     *
     * @throws java.io.IOException when the device cannot be reached now
     * @throws UnsupportedOperationException for instruments that take no commands
     */
    default void send(byte[] command) throws java.io.IOException {
        throw new UnsupportedOperationException(kind().json() + " instrument takes no commands");
    }

    /** Start delivering events to {@code listener}; call once. */
    void start(Consumer<InstrumentEvent> listener);

    @Override
    void close();
}
