package co.rtm.sim.instruments.tread;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.tread.TreadDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.LaneFrameDevice;
import co.rtm.sim.instruments.lights.Playback;

import java.util.List;

/**
 * A simulated tread depth gauge (streamed, {@code docs/instruments.md, tread}): its identity, then one
 * {@code TD} record per tyre, the block's depths paired in order with {@code positions}, one per interval.
 */
public final class TreadDevice extends LaneFrameDevice {

    /** @param positions one per depth of the block, e.g. {@code TreadProcedure.tyrePositions(vehicle)} */
    public TreadDevice(Measurements.Tyres truth, List<String> positions, Playback playback) {
        super(InstrumentKind.TREAD, "Profundi", "TG-30", "TG" + Math.abs(playback.seed() % 100000), playback);
        if (positions.size() != truth.treadDepthsMm().size()) {
            throw new IllegalArgumentException(positions.size() + " positions for " + truth.treadDepthsMm().size() + " depths");
        }
        for (int i = 0; i < positions.size(); i++) {
            stream(List.of(record("TD", positions.get(i),
                    value(0, truth.treadDepthsMm().get(i), 0, TreadDecoder.MAX_DEPTH_MM, 2))));
        }
    }
}
