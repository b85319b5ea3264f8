package co.rtm.hub.dashboard;

import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.rules.Check;
import co.rtm.profiles.rules.FailWhen;
import co.rtm.profiles.rules.MissingVehicleField;
import co.rtm.profiles.rules.RuleBook;
import co.rtm.profiles.scoring.Defect;
import co.rtm.profiles.scoring.ScoreResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rulebook's checks that applied to one inspection, each with its limit as the norm words it and what the
 * hub's re-score found: passed, or the defect with the measured value against the limit it crossed. Pure.
 */
public final class LimitTable {
    private LimitTable() {
    }

    /**
     * @param measured the tests present in the document's {@code measurements} (their JSON names)
     */
    public static List<Map<String, Object>> of(RuleBook rules, ScoringInput input, ScoreResult rescored, Set<String> measured) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Check c : rules.checks()) {
            if (!measured.contains(c.test().json())) {
                continue;
            }
            try {
                if (!c.appliesTo(input.vehicle())) {
                    continue;
                }
            } catch (MissingVehicleField e) {
                continue; // the re-score would have said so; nothing to show against
            }
            Optional<Defect> found = rescored.defects().stream()
                    .filter(d -> d.code().equals(c.defect()) && d.test() == c.test()).findFirst();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", c.id());
            row.put("test", c.test().json());
            row.put("quantity", c.quantity());
            row.put("failsWhen", condition(c.fail(), rescored.emissionRegime()));
            row.put("unit", c.unit());
            row.put("source", c.source());
            row.put("defect", c.defect());
            row.put("passed", found.isEmpty());
            row.put("measured", found.map(Defect::measured).orElse(null));
            row.put("limit", found.map(Defect::limit).orElse(null));
            rows.add(row);
        }
        return rows;
    }

    /** The fail condition in the dashboard's Spanish. */
    static String condition(FailWhen f, String regime) {
        if (f.lt() != null) {
            return "< " + num(f.lt());
        }
        if (f.gt() != null) {
            return "> " + num(f.gt());
        }
        if (f.ge() != null) {
            return "≥ " + num(f.ge());
        }
        if (f.absGt() != null) {
            return "|valor| > " + num(f.absGt());
        }
        if (f.between() != null) {
            return "entre " + num(f.between().get(0)) + " y " + num(f.between().get(1));
        }
        if (f.outside() != null) {
            return "fuera de " + num(f.outside().get(0)) + " a " + num(f.outside().get(1));
        }
        return "> límite de la tabla de emisiones (" + f.gtLimitOf() + (regime == null ? "" : ", régimen " + regime) + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
