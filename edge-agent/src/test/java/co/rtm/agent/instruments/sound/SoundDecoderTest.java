package co.rtm.agent.instruments.sound;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.LaneDecoderContract;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SoundDecoderTest extends LaneDecoderContract {

    @Override
    protected FrameDecoder decoder() { return new SoundDecoder(); }

    @Override
    protected String family() { return "sound"; }

    @Override
    protected List<Sample> sessionReadings() {
        return List.of(new Sample.SoundLevel(81.2), new Sample.SoundLevel(82.0), new Sample.SoundLevel(81.6));
    }

    @Override
    protected List<Sample> faultyReadings() { return sessionReadings(); }

    @Override
    protected List<String> validPayloads() { return List.of("SL,30.0,A", "SL,130.0,A", "SL,95.4,A"); }

    @Test
    void onlyAWeightedLevelsWithinTheMetersRangeAreReadings() {
        assertThat(faults(decode(AsciiFrames.encode("SL,85.0,C")))).containsExactly(FaultKind.BAD_FRAME);
        assertThat(faults(decode(AsciiFrames.encode("SL,29.9,A")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("SL,130.1,A")))).containsExactly(FaultKind.OUT_OF_RANGE);
    }
}
