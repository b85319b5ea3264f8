package co.rtm.agent.instruments.sideslip;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.LaneDecoderContract;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SideslipDecoderTest extends LaneDecoderContract {

    @Override
    protected FrameDecoder decoder() { return new SideslipDecoder(); }

    @Override
    protected String family() { return "sideslip"; }

    @Override
    protected List<Sample> sessionReadings() { return List.of(new Sample.Sideslip(1, 4.0), new Sample.Sideslip(2, -2.5)); }

    @Override
    protected List<Sample> faultyReadings() {
        return List.of(new Sample.Sideslip(1, 4.0), new Sample.Sideslip(2, -2.5), new Sample.Sideslip(1, 3.8));
    }

    @Override
    protected List<String> validPayloads() { return List.of("SS,1,+20.0", "SS,2,-20.0", "SS,3,0.0"); }

    @Test
    void theDeviationIsSignedAndTheAxleCounted() {
        assertThat(readings(decode(AsciiFrames.encode("SS,9,-0.1")))).containsExactly(new Sample.Sideslip(9, -0.1));
        assertThat(faults(decode(AsciiFrames.encode("SS,0,1.0")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("SS,1,-20.1")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("SS,A,1.0")))).containsExactly(FaultKind.BAD_FRAME);
    }
}
