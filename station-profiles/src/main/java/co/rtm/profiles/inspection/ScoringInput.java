package co.rtm.profiles.inspection;

import co.rtm.profiles.vehicle.Vehicle;

import java.time.OffsetDateTime;
import java.util.List;

/** One inspection as the scorer sees it (DESIGN §5): when, which vehicle, what was read, what was seen. */
public record ScoringInput(OffsetDateTime testedAt, Vehicle vehicle, Measurements measurements,
                           List<String> sensoryDefects) {
    public ScoringInput {
        sensoryDefects = List.copyOf(sensoryDefects);
    }
}
