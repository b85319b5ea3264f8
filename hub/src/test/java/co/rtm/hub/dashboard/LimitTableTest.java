package co.rtm.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitTableTest {
    private static final Scorer SCORER = Scorer.builtIn();

    private static List<Map<String, Object>> limits(ObjectNode input) {
        ScoringInput in = new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input");
        ScoreResult score = SCORER.score(in, Profiles.builtIn("cda-light").orElseThrow());
        Set<String> measured = new HashSet<>();
        input.get("measurements").fieldNames().forEachRemaining(measured::add);
        return LimitTable.of(SCORER.rules(), in, score, measured);
    }

    private static ObjectNode example() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
    }

    @Test
    void everyApplicableCheckOfAnApprovedCarPassesAndOnlyMeasuredTestsAreListed() throws Exception {
        List<Map<String, Object>> rows = limits(example());
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("passed")).isEqualTo(true));
        assertThat(rows).extracting(r -> r.get("test")).contains("brakes", "tyres", "gas").doesNotContain("opacity", "taximeter");
        assertThat(rows).allSatisfy(r -> assertThat((String) r.get("failsWhen")).isNotBlank());
    }

    @Test
    void wornTyresShowTheMeasuredDepthAgainstTheLimit() throws Exception {
        ObjectNode input = example();
        ArrayNode tread = ((ObjectNode) input.get("measurements").get("tyres")).putArray("treadDepthsMm");
        List.of(0.5, 0.6, 0.5, 0.7).forEach(tread::add);
        List<Map<String, Object>> failed = limits(input).stream().filter(r -> r.get("passed").equals(false)).toList();
        assertThat(failed).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("test")).isEqualTo("tyres");
            assertThat((Double) r.get("measured")).isLessThan((Double) r.get("limit"));
        });
    }
}
