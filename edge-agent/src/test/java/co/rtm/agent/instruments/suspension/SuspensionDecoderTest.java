package co.rtm.agent.instruments.suspension;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.LaneDecoderContract;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuspensionDecoderTest extends LaneDecoderContract {

    @Override
    protected FrameDecoder decoder() { return new SuspensionDecoder(); }

    @Override
    protected String family() { return "suspension"; }

    @Override
    protected List<Sample> sessionReadings() {
        return List.of(new Sample.Adherence("FL", 62.0), new Sample.Adherence("FR", 58.5),
                new Sample.Adherence("RL", 71.2), new Sample.Adherence("RR", 69.9));
    }

    @Override
    protected List<Sample> faultyReadings() { return sessionReadings().subList(0, 3); }

    @Override
    protected List<String> validPayloads() { return List.of("EU,FL,40.0", "EU,3R,0", "EU,RR,100"); }

    @Test
    void adherenceIsAPercentageOfAWheelPosition() {
        assertThat(faults(decode(AsciiFrames.encode("EU,FL,100.1")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("EU,FL,-1")))).containsExactly(FaultKind.OUT_OF_RANGE);
        assertThat(faults(decode(AsciiFrames.encode("EU,fl,50")))).containsExactly(FaultKind.BAD_FRAME);
        assertThat(faults(decode(AsciiFrames.encode("EU,,50")))).containsExactly(FaultKind.BAD_FRAME);
    }
}
