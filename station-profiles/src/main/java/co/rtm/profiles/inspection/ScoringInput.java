package co.rtm.profiles.inspection;

import co.rtm.profiles.vehicle.Vehicle;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One inspection as the scorer sees it (DESIGN §5): when, which vehicle, what was read, what was seen, and which
 * tests the lane could not perform validly.
 */
public record ScoringInput(OffsetDateTime testedAt, Vehicle vehicle, Measurements measurements,
                           List<String> sensoryDefects, List<DeclaredInvalid> invalidTests) {
    public ScoringInput {
        sensoryDefects = List.copyOf(sensoryDefects);
        invalidTests = List.copyOf(invalidTests);
    }

    public ScoringInput(OffsetDateTime testedAt, Vehicle vehicle, Measurements measurements, List<String> sensoryDefects) {
        this(testedAt, vehicle, measurements, sensoryDefects, List.of());
    }
}
