package co.rtm.sim.instruments.sideslip;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.sideslip.SideslipDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.LaneFrameDevice;
import co.rtm.sim.instruments.lights.Playback;


/**
 * A simulated side-slip plate (streamed, {@code docs/instruments.md, sideslip}): its identity, then one
 * {@code SS} record per axle of the block, in order, one per interval, signed with an explicit {@code +}.
 */
public final class SideslipDevice extends LaneFrameDevice {

    public SideslipDevice(Measurements.Sideslip truth, Playback playback) {
        super(InstrumentKind.SIDESLIP, "Alinex", "SSP-2", "SS" + Math.abs(playback.seed() % 100000), playback);
        stream(truth.axles().stream().map(a -> {
            String v = value(0, a.mPerKm(), -SideslipDecoder.MAX_M_PER_KM, SideslipDecoder.MAX_M_PER_KM, 1);
            return record("SS", a.axle(), v.startsWith("-") ? v : "+" + v);
        }).toList());
    }
}
