package co.rtm.sim.lane;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An instrument that never stops: when its vehicle's stream is finished, the next vehicle's device takes over.
 * Used to load an agent with every instrument streaming at once ({@code simulator lane --stream-all}).
 */
final class LoopingDevice implements SimulatedDevice {
    private final InstrumentKind kind;
    private final Supplier<SimulatedDevice> next;
    private SimulatedDevice current;

    LoopingDevice(InstrumentKind kind, Supplier<SimulatedDevice> next) {
        this.kind = kind;
        this.next = next;
    }

    @Override
    public InstrumentKind kind() {
        return kind;
    }

    @Override
    public byte[] tick(Instant now) {
        if (current == null || current.finished()) {
            current = next.get();
        }
        return current.tick(now);
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        if (current == null) {
            current = next.get();
        }
        return current.onCommand(command, now);
    }
}
