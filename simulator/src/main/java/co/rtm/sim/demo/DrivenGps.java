package co.rtm.sim.demo;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.gps.SimulatedGps;
import co.rtm.sim.instruments.gps.SimulatedGps.Waypoint;
import java.time.Instant;
import java.util.List;

/** A simulated GPS parked at the first point of a route until {@link #drive} sets it going, on {@link SimTime}. */
final class DrivenGps implements SimulatedDevice {
    private final List<Waypoint> route;
    private final long seed;
    private final SimTime time;
    private volatile SimulatedGps gps;

    /** Fixes carry {@code time}'s instants. */
    DrivenGps(List<Waypoint> route, long seed, SimTime time) {
        this.time = time;
        this.route = List.copyOf(route);
        this.seed = seed;
        this.gps = new SimulatedGps(route, Instant.parse("9999-01-01T00:00:00Z"), seed);
    }

    /** Leaves the first point at {@code at} (simulated time). */
    SimulatedGps drive(Instant at) {
        gps = new SimulatedGps(route, at, seed);
        return gps;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.GPS;
    }

    @Override
    public byte[] tick(Instant now) {
        return gps.tick(time.at(now));
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        return new byte[0];
    }
}
