package co.rtm.agent.instruments.lights;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.LaneDecoderContract;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LightsDecoderTest extends LaneDecoderContract {

    @Override
    protected FrameDecoder decoder() { return new LightsDecoder(); }

    @Override
    protected String family() { return "lights"; }

    @Override
    protected List<Sample> sessionReadings() {
        return List.of(new Sample.LampReading("left", 24.5, 1.2), new Sample.LampReading("right", 23.1, 1.35),
                new Sample.LampSum(95.2));
    }

    @Override
    protected List<Sample> faultyReadings() { return sessionReadings(); }

    @Override
    protected List<String> validPayloads() { return List.of("LB,C,9.00,-0.50", "SU,120.5", "LB,R,150,10"); }

    @Test
    void sidesAreTheBlockNamesAndRangesAreTheInstrumentsOwn() {
        assertThat(readings(decode(AsciiFrames.encode("LB,C,0,-10")))).containsExactly(new Sample.LampReading("center", 0, -10));
        assertThat(faults(decode(AsciiFrames.encode("LB,X,10,1")))).containsExactly(FaultKind.BAD_FRAME);
        assertThat(faults(decode(AsciiFrames.encode("LB,L,-0.1,1")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("LB,L,10,10.01")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("SU,600.1")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(LightsDecoder.wireSide("right")).isEqualTo("R");
    }
}
