package co.rtm.sim.lane;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrameReader;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.sim.instruments.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One lane instrument that tests the vehicles the lane announces, in order. It is idle until the agent opens a
 * test by asking its identity ({@code ?ID}, docs/instruments.md); then it plays the next announced vehicle's
 * device: the identity answer, the vehicle's stream, and the answers to the commands that follow (several frames
 * may come in one write: {@code ?ID ?LB,L ?LB,R ?SU}). A {@code ?ID} with no vehicle announced, or for a vehicle
 * with nothing to measure here, is answered with an error frame, so the agent's test is invalid at once rather
 * than waiting for its deadline.
 *
 * <p>{@link #announce} is called by the lane's reception thread; {@link #tick} and {@link #onCommand} by the
 * device server's single thread.
 */
public final class VehicleDevices implements SimulatedDevice {
    private static final byte[] NOTHING = new byte[0];

    private final InstrumentKind kind;
    private final Queue<Supplier<Optional<SimulatedDevice>>> announced = new ConcurrentLinkedQueue<>();
    private final AsciiFrameReader commands = new AsciiFrameReader();
    private SimulatedDevice current;

    public VehicleDevices(InstrumentKind kind) {
        this.kind = kind;
    }

    @Override
    public InstrumentKind kind() {
        return kind;
    }

    /** The next vehicle on this instrument: its device, made when its test opens (empty: it sends no readings). */
    public void announce(Supplier<Optional<SimulatedDevice>> device) {
        announced.add(device);
    }

    /** Vehicles announced whose test has not been opened yet. */
    public int waiting() {
        return announced.size();
    }

    /** Forgets the vehicles whose test was never opened (the agent skipped them or restarted mid-vehicle). */
    public void forgetWaiting() {
        announced.clear();
    }

    @Override
    public byte[] tick(Instant now) {
        return current == null ? NOTHING : current.tick(now);
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        commands.feed(command, 0, command.length, now, new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) {
                if (payload.equals("?ID")) {
                    Supplier<Optional<SimulatedDevice>> next = announced.poll();
                    if (next == null) {
                        current = null;
                        out.writeBytes(AsciiFrames.encode("ER", "09", "no vehicle on the test bench"));
                        return;
                    }
                    current = next.get().orElse(null);
                    if (current == null) {
                        // the vehicle has nothing to measure here (the technician could not run the test)
                        out.writeBytes(AsciiFrames.encode("ER", "10", "test not performed on this vehicle"));
                        return;
                    }
                }
                if (current != null) {
                    out.writeBytes(current.onCommand(AsciiFrames.encode(payload), at));
                }
            }

            @Override
            public void fault(Fault fault) {
                // a garbled command is ignored, as the real devices do
            }
        });
        return out.toByteArray();
    }
}
