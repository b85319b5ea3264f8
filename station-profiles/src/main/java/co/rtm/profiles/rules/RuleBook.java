package co.rtm.profiles.rules;

import co.rtm.profiles.vehicle.Vehicle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The thresholds of RTMyEC as data (DESIGN §5, thresholds.md): emission regimes by test date, the approval
 * rule, procedure preconditions, the checks, the emission tables and the defect catalogue. Immutable; load it
 * with {@link RuleBookLoader}.
 */
public record RuleBook(String id, int version, String title, List<EmissionRegime> emissionRegimes,
                       Approval approval, Procedures procedures, List<Check> checks,
                       List<GasLimit> gasLimits, List<OpacityLimit> opacityLimits, DefectCatalogue catalogue) {

    /** The regime governing a test on this Bogotá calendar day, if any. */
    public Optional<EmissionRegime> regimeOn(LocalDate day) {
        return emissionRegimes.stream().filter(r -> r.covers(day)).findFirst();
    }

    public Optional<GasLimit> gasLimit(String regime, Vehicle v) {
        return gasLimits.stream().filter(l -> l.matches(regime, v)).findFirst();
    }

    public Optional<OpacityLimit> opacityLimit(String regime, Vehicle v) {
        return opacityLimits.stream().filter(l -> l.matches(regime, v)).findFirst();
    }

    public String ref() { return id + "@" + version; }
}
