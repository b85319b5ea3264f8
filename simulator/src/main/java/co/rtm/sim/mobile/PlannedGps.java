package co.rtm.sim.mobile;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.gps.SimulatedGps;
import co.rtm.sim.instruments.gps.SimulatedGps.Waypoint;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The line's GPS receiver, served over TCP: it sends the NMEA epoch (RMC, VTG, GGA, GSA, about a metre of noise) of
 * each planned fix the run hands it, stamped with the fix's simulated time, and nothing in between. The sentences
 * are {@link SimulatedGps}'s.
 */
final class PlannedGps implements SimulatedDevice {
    /** Epochs sent per 20 ms tick at most: a day's fixes reach the agent in a few ticks. */
    private static final int PER_TICK = 40;
    private final ConcurrentLinkedQueue<Step.Fix> queue = new ConcurrentLinkedQueue<>();
    private final long seed;

    PlannedGps(long seed) {
        this.seed = seed;
    }

    void send(Step.Fix fix) {
        queue.add(fix);
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.GPS;
    }

    @Override
    public byte[] tick(Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < PER_TICK; i++) {
            Step.Fix f = queue.poll();
            if (f == null) {
                break;
            }
            out.writeBytes(new SimulatedGps(List.of(new Waypoint(f.lat(), f.lon(), 0)), f.at(), seed).tick(f.at()));
        }
        return out.toByteArray();
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        return new byte[0];
    }
}
