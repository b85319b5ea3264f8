package co.rtm.sim.instruments.sound;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.sound.SoundDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.LaneFrameDevice;
import co.rtm.sim.instruments.lights.Playback;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated sound level meter (streamed, {@code docs/instruments.md, sound}): its identity, then
 * {@code measurements} max-hold {@code SL} records, one per interval, whose highest is the block's true level
 * (the second); the others are 0.4 to 1.2 dB below it.
 */
public final class SoundDevice extends LaneFrameDevice {

    public SoundDevice(Measurements.Noise truth, int measurements, Playback playback) {
        super(InstrumentKind.SOUND, "Acustek", "SLM-2", "SL" + Math.abs(playback.seed() % 100000), playback);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < measurements; i++) {
            double below = i == 1 || measurements == 1 ? 0.0 : 0.4 + 0.4 * (i % 3);
            records.add(record("SL", value(0, truth.dBA() - below, SoundDecoder.MIN_DB, SoundDecoder.MAX_DB, 1), "A"));
        }
        stream(records);
    }
}
