package co.rtm.hub.documents;

import co.rtm.profiles.scoring.Defect;
import co.rtm.profiles.scoring.InvalidTest;
import co.rtm.profiles.scoring.Measured;
import co.rtm.profiles.vehicle.Vehicle;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one Formato Uniforme de Resultados shows (art. 3.3.5.1): the numbers, where and when, the vehicle and
 * its owner as the message gave them, each measured item with its limit and each defect by code and type, the
 * inspectors, the photo reference and the verdict. Measurements and defects come from the hub's own re-scoring
 * of the stored document ({@code Scorer.scoreWithMeasurements}).
 */
public record Fur(String messageId, long furNumber, String furSeriesCode, String certificateKind, Long certificateNumber,
                  String centerId, String centerName, String stationId, String profile, Vehicle vehicle,
                  Map<String, String> owner, List<Measured> measured, List<Defect> defects, List<InvalidTest> invalid,
                  int typeA, int typeB, String emissionRegime, List<Inspector> inspectors, String photo, String retestOfFur,
                  Instant startedAt, Instant testedAt, Instant receivedAt, String verdict) {

    /** An inspector as named in the message (document id) with the name the registry holds, if any. */
    public record Inspector(String document, String name) {
    }

    public Fur {
        owner = owner == null ? Map.of() : Map.copyOf(owner);
        measured = List.copyOf(measured);
        defects = List.copyOf(defects);
        invalid = List.copyOf(invalid);
        inspectors = List.copyOf(inspectors);
    }

    /** The number as printed: the centre's FUR series code and the consecutive, e.g. {@code F001-000123}. */
    public String furText() {
        String n = String.format("%06d", furNumber);
        return furSeriesCode == null ? n : furSeriesCode + "-" + n;
    }
}
