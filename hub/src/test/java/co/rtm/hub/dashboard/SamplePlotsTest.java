package co.rtm.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.plausibility.SeriesText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePlotsTest {
    @Test
    void theSeriesOfTheEvidenceBecomeOnePlotPerTestSampleAndFieldInTimeOrder() {
        var evidence = new SeriesText().identity("brakes", 0, "CC-1010").readings("brakes", 5, 4000, 100)
                .readings("gas", 3, 2000, 0.3).lane(10).evidence();
        List<SamplePlots.Plot> plots = SamplePlots.of(evidence);
        assertThat(plots).extracting(SamplePlots.Plot::test).containsExactly("brakes", "gas"); // the lane's presence flag is no number
        SamplePlots.Plot brakes = plots.get(0);
        assertThat(brakes.sample()).isEqualTo("S");
        assertThat(brakes.field()).isEqualTo("x");
        assertThat(brakes.points()).hasSize(5);
        assertThat(brakes.points().get(0)).containsExactly(0, 100);
        assertThat(brakes.points().get(4)).containsExactly(4000, 104);
        assertThat(plots.get(1).points()).extracting(p -> p[1]).containsExactly(0.3, 1.3, 2.3);
    }

    @Test
    void aLongSeriesIsThinnedKeepingItsEnds() {
        var evidence = new SeriesText().readings("opacity", 5000, 49_990, 0).evidence();
        List<double[]> points = SamplePlots.of(evidence).get(0).points();
        assertThat(points).hasSize(SamplePlots.MAX_POINTS);
        assertThat(points.get(0)[0]).isZero();
        assertThat(points.get(points.size() - 1)[0]).isEqualTo(49_990);
    }

    @Test
    void noOrUnreadableEvidenceGivesNoPlots() {
        ObjectNode bad = new ObjectMapper().createObjectNode().put("samples", "not base64 gzip!");
        assertThat(SamplePlots.of(null)).isEmpty();
        assertThat(SamplePlots.of(bad)).isEmpty();
        assertThat(SamplePlots.of(new ObjectMapper().createObjectNode())).isEmpty();
    }
}
