package co.rtm.agent.instruments.opacity;

import co.rtm.agent.instruments.InstrumentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static co.rtm.agent.instruments.Families1Feed.feed;
import static co.rtm.agent.instruments.Families1Feed.garbage;
import static co.rtm.agent.instruments.Families1Feed.readings;
import static co.rtm.agent.instruments.Families1Feed.render;
import static co.rtm.agent.instruments.Families1Feed.resource;
import static org.assertj.core.api.Assertions.assertThat;

class OpacityDecoderTest {

    @Test
    void decodesTracePeaksGovernedSpeedAndZeroDrift() {
        assertThat(render(feed(new OpacityDecoder(), resource(getClass(), "run-ok.bin"), 4096))).containsExactly(
                "ID RTM-Sim/OP-430/OP1/2.4.1 2026-07-01..2027-06-30",
                "OpacityTrace[k=0.02]",
                "OpacityTrace[k=1.2]",
                "OpacityPeak[set=0, peak=1, k=1.4]",
                "GovernedSpeed[reachedS=1.8]",
                "OpacityPeak[set=1, peak=1, k=1.1]",
                "OpacityPeak[set=1, peak=2, k=1.2]",
                "OpacityPeak[set=1, peak=3, k=1.0]",
                "GovernedSpeed[reachedS=2.1]",
                "ZeroDrift[k=-0.05]");
    }

    @Test
    void everyCorruptionBecomesItsFaultAndNothingElse() {
        assertThat(render(feed(new OpacityDecoder(), resource(getClass(), "faults.bin"), 4096))).containsExactly(
                "FAULT BAD_FRAME: 7 bytes outside any frame",
                "FAULT OUT_OF_RANGE: peak of set 0 2 outside 1..1",
                "FAULT OUT_OF_RANGE: opacity k m^-1 12.0 outside the instrument's range 0.0..10.0",
                "FAULT OUT_OF_RANGE: opacity k m^-1 -0.01 outside the instrument's range 0.0..10.0",
                "FAULT BAD_CHECKSUM: checksum 72 does not match the payload's 28",
                "FAULT BAD_FRAME: ZD needs 1 fields, got 0",
                "FAULT DEVICE_ERROR: device error E21: smoke chamber below temperature",
                "FAULT OUT_OF_RANGE: peak of set 1 4 outside 1..3",
                "GovernedSpeed[reachedS=1.5]",
                "FAULT BAD_FRAME: stream ended inside a frame after 6 payload bytes");
    }

    @Test
    void aFrozenCellIsReportedOnceButCleanAirIsNot() {
        List<String> events = render(feed(new OpacityDecoder(), resource(getClass(), "stuck.bin"), 4096));
        assertThat(events).filteredOn(s -> s.startsWith("FAULT"))
                .containsExactly("FAULT STUCK_VALUE: opacity trace stuck at 0.8 m^-1 for 40 samples");
        assertThat(events.indexOf("FAULT STUCK_VALUE: opacity trace stuck at 0.8 m^-1 for 40 samples"))
                .isEqualTo(45 + 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run-ok.bin", "faults.bin", "stuck.bin"})
    void byteByByteGivesTheSameEvents(String name) {
        byte[] data = resource(getClass(), name);
        List<InstrumentEvent> whole = feed(new OpacityDecoder(), data, data.length);
        assertThat(render(feed(new OpacityDecoder(), data, 1))).isEqualTo(render(whole));
        assertThat(render(feed(new OpacityDecoder(), data, 3))).isEqualTo(render(whole));
    }

    @Test
    void randomGarbageNeverBecomesAReading() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(readings(OpacityDecoder::new, garbage(seed, 100_000))).as("seed %d", seed).isZero();
        }
    }
}
