package co.rtm.profiles.rules;

import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.profiles.vehicle.Vehicle;

/**
 * One row of a diesel opacity table: the limit on the mean of the three peaks, in the table's unit, for a
 * regime, model-year band and optional displacement band. A mean equal to the limit passes (DESIGN §5).
 */
public record OpacityLimit(String regime, OpacityUnit unit, Integer modelYearFrom, Integer modelYearTo,
                           Integer displacementCcBelow, Integer displacementCcFrom, double limit,
                           String source, Confidence confidence) {
    public OpacityLimit {
        Require.present(regime, "regime");
        Require.present(unit, "unit");
        Require.check(modelYearFrom == null || modelYearTo == null || modelYearFrom <= modelYearTo, "'modelYearTo' is before 'modelYearFrom'");
        Require.check(limit > 0, "'limit' must be positive");
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }

    public boolean matches(String regimeId, Vehicle v) {
        if (!regime.equals(regimeId)) return false;
        if (modelYearFrom != null && v.modelYear() < modelYearFrom) return false;
        if (modelYearTo != null && v.modelYear() > modelYearTo) return false;
        if (displacementCcBelow != null || displacementCcFrom != null) {
            int cc = v.displacementCc().orElseThrow(() -> new MissingVehicleField("displacementCc", "the opacity limits of " + regime));
            if (displacementCcBelow != null && cc >= displacementCcBelow) return false;
            if (displacementCcFrom != null && cc < displacementCcFrom) return false;
        }
        return true;
    }
}
