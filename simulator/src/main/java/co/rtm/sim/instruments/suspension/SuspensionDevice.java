package co.rtm.sim.instruments.suspension;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.LaneFrameDevice;
import co.rtm.sim.instruments.lights.Playback;

/**
 * A simulated EUSAMA suspension tester (streamed, {@code docs/instruments.md, suspension}): its identity, then
 * one {@code EU} record per wheel of the block, in order, one per interval.
 */
public final class SuspensionDevice extends LaneFrameDevice {

    public SuspensionDevice(Measurements.Suspension truth, Playback playback) {
        super(InstrumentKind.SUSPENSION, "Eusatec", "SPT-4", "SU" + Math.abs(playback.seed() % 100000), playback);
        stream(truth.wheels().stream()
                .map(w -> record("EU", w.position(), value(0, w.adherencePct(), 0, 100, 1))).toList());
    }
}
