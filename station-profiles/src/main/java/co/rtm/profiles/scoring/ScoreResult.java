package co.rtm.profiles.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The score of one inspection (DESIGN §5). {@code emissionRegime} is null when no emission test applies. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"verdict", "typeA", "typeB", "emissionRegime", "defects", "invalid"})
public record ScoreResult(Verdict verdict, int typeA, int typeB, String emissionRegime, List<Defect> defects,
                          List<InvalidTest> invalid) {
    public ScoreResult {
        defects = List.copyOf(defects);
        invalid = List.copyOf(invalid);
    }
}
