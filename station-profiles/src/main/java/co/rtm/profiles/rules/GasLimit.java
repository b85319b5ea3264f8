package co.rtm.profiles.rules;

import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * One row of an in-use gas limit table (Res. 910/2008 art. 4-5; Res. 0762/2022 in-use tables): CO and HC
 * limits for a regime, vehicle kinds, optional engine strokes and a model-year band (both ends inclusive).
 * A value equal to the limit passes.
 */
public record GasLimit(String regime, List<VehicleKind> kinds, Integer strokes, Integer modelYearFrom,
                       Integer modelYearTo, double coPct, double hcPpm, String source, Confidence confidence) {
    public GasLimit {
        Require.present(regime, "regime");
        Require.present(kinds, "kinds");
        kinds = List.copyOf(kinds);
        Require.check(strokes == null || strokes == 2 || strokes == 4, "'strokes' must be 2 or 4");
        Require.check(modelYearFrom == null || modelYearTo == null || modelYearFrom <= modelYearTo, "'modelYearTo' is before 'modelYearFrom'");
        Require.check(coPct > 0 && hcPpm > 0, "'coPct' and 'hcPpm' must be positive");
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }

    public boolean matches(String regimeId, Vehicle v) {
        if (!regime.equals(regimeId) || !kinds.contains(v.kind())) return false;
        if (modelYearFrom != null && v.modelYear() < modelYearFrom) return false;
        if (modelYearTo != null && v.modelYear() > modelYearTo) return false;
        if (strokes != null) {
            int s = v.engineStrokes().orElseThrow(() -> new MissingVehicleField("engineStrokes", "the gas limits of " + v.kind().json() + "s"));
            return s == strokes;
        }
        return true;
    }
}
