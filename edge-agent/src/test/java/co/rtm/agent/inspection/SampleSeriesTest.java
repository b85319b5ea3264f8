package co.rtm.agent.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.TestKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SampleSeriesTest {
    static String lines(SampleSeries s) throws Exception {
        return new String(new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(s.compressed())))
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Found by the simulated lane end to end: the gas analyser's optional oil temperature broke the series. */
    @Test
    void gasSamplesWithAndWithoutOilTemperatureAreKept() throws Exception {
        Instant t0 = Instant.parse("2026-11-30T15:00:00Z");
        SampleSeries s = new SampleSeries();
        s.add(TestKind.GAS, t0, new Reading(t0.plusMillis(500), new Sample.GasSample(120, 0.4, 14.1, 0.5, 820, OptionalDouble.of(84.5))));
        s.add(TestKind.GAS, t0, new Reading(t0.plusMillis(1000), new Sample.GasSample(118, 0.4, 14.0, 0.5, 815, OptionalDouble.empty())));
        assertThat(lines(s).lines()).containsExactly(
                "{\"t\":\"gas\",\"ms\":500,\"sample\":\"GasSample\",\"v\":{\"hcPpm\":120.0,\"coPct\":0.4,\"co2Pct\":14.1,\"o2Pct\":0.5,\"rpm\":820.0,\"oilTempC\":84.5}}",
                "{\"t\":\"gas\",\"ms\":1000,\"sample\":\"GasSample\",\"v\":{\"hcPpm\":118.0,\"coPct\":0.4,\"co2Pct\":14.0,\"o2Pct\":0.5,\"rpm\":815.0,\"oilTempC\":null}}");
        assertThat(s.events()).isEqualTo(2);
    }
}
