package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.rules.DefectType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One defect found. {@code measured} is the rounded value that failed and {@code limit} the limit it crossed
 * (both null for sensory defects); the raw readings stay in the scored document.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "type", "test", "measured", "limit", "unit", "description"})
public record Defect(String code, DefectType type, TestKind test, Double measured, Double limit, String unit,
                     String description) {
}
