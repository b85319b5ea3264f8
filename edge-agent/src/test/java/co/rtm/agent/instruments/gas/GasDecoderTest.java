package co.rtm.agent.instruments.gas;

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

class GasDecoderTest {

    @Test
    void decodesChecksAndSamplesWithAndWithoutOilProbe() {
        assertThat(render(feed(new GasDecoder(), resource(getClass(), "run-ok.bin"), 4096))).containsExactly(
                "ID RTM-Sim/AG-500/GA1/2.4.1 2026-07-01..2027-06-30",
                "GasCheck[check=WARM_UP, passed=false, value=20.0]",
                "GasCheck[check=WARM_UP, passed=true, value=0.0]",
                "GasCheck[check=LEAK, passed=true, value=0.4]",
                "GasCheck[check=ZERO, passed=true, value=0.0]",
                "GasCheck[check=HC_RESIDUE, passed=true, value=4.0]",
                "GasSample[hcPpm=60.0, coPct=0.3, co2Pct=14.2, o2Pct=0.4, rpm=850.0, oilTempC=OptionalDouble[78.5]]",
                "GasSample[hcPpm=61.0, coPct=0.31, co2Pct=14.21, o2Pct=0.41, rpm=852.0, oilTempC=OptionalDouble.empty]",
                "GasCheck[check=HC_RESIDUE, passed=false, value=35.0]");
    }

    @Test
    void everyCorruptionBecomesItsFaultAndNothingElse() {
        assertThat(render(feed(new GasDecoder(), resource(getClass(), "faults.bin"), 4096))).containsExactly(
                "FAULT BAD_FRAME: 4 bytes outside any frame", // NUL is idle line noise, not garbage
                "FAULT BAD_CHECKSUM: checksum 4F does not match the payload's 15",
                "FAULT BAD_FRAME: GS needs 6 fields, got 5",
                "FAULT OUT_OF_RANGE: HC ppm 12000.0 outside the instrument's range 0.0..9999.0",
                "FAULT OUT_OF_RANGE: oil temperature °C 200.0 outside the instrument's range -20.0..150.0",
                "FAULT BAD_FRAME: field 1 of CK: 'FOO' is not one of LEAK/ZERO/HCR/WARM",
                "FAULT BAD_FRAME: field 2 of CK: 'Y' is not one of P/F",
                "FAULT DEVICE_ERROR: device error E07: low sample flow",
                "GasSample[hcPpm=61.0, coPct=0.31, co2Pct=14.21, o2Pct=0.41, rpm=852.0, oilTempC=OptionalDouble[79.0]]",
                "FAULT BAD_FRAME: stream ended inside a frame after 9 payload bytes");
    }

    @Test
    void aFrozenBenchIsReportedOnce() {
        List<String> events = render(feed(new GasDecoder(), resource(getClass(), "stuck.bin"), 4096));
        assertThat(events).filteredOn(s -> s.startsWith("FAULT")).containsExactly(
                "FAULT STUCK_VALUE: gas readings stuck at 62.0,0.3,14.2,0.4 for 10 samples");
        // after the 10th identical sample (frame 12 of 13)
        assertThat(events.indexOf(events.stream().filter(s -> s.startsWith("FAULT")).findFirst().orElseThrow()))
                .isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run-ok.bin", "faults.bin", "stuck.bin"})
    void byteByByteGivesTheSameEvents(String name) {
        byte[] data = resource(getClass(), name);
        List<InstrumentEvent> whole = feed(new GasDecoder(), data, data.length);
        assertThat(render(feed(new GasDecoder(), data, 1))).isEqualTo(render(whole));
        assertThat(render(feed(new GasDecoder(), data, 5))).isEqualTo(render(whole));
    }

    @Test
    void randomGarbageNeverBecomesAReading() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(readings(GasDecoder::new, garbage(seed, 100_000))).as("seed %d", seed).isZero();
        }
    }
}
