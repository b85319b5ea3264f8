package co.rtm.agent.instruments.tread;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.LaneDecoderContract;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TreadDecoderTest extends LaneDecoderContract {

    @Override
    protected FrameDecoder decoder() { return new TreadDecoder(); }

    @Override
    protected String family() { return "tread"; }

    @Override
    protected List<Sample> sessionReadings() {
        return List.of(new Sample.TreadDepth("FL", 3.10), new Sample.TreadDepth("FR", 3.05),
                new Sample.TreadDepth("RL", 2.80), new Sample.TreadDepth("RR", 2.95));
    }

    @Override
    protected List<Sample> faultyReadings() { return sessionReadings().subList(0, 3); }

    @Override
    protected List<String> validPayloads() { return List.of("TD,F,1.00", "TD,RLO,0.00", "TD,3RI,30.00"); }

    @Test
    void depthIsMillimetresWithinTheGaugesTravel() {
        assertThat(faults(decode(AsciiFrames.encode("TD,FL,30.01")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("TD,FL,-0.01")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("TD,FRONT,3")))).containsExactly(FaultKind.BAD_FRAME);
    }
}
