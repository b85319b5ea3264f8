package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.ProfileTest;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.rules.CatalogueEntry;
import co.rtm.profiles.rules.Check;
import co.rtm.profiles.rules.DefectType;
import co.rtm.profiles.rules.EmissionRegime;
import co.rtm.profiles.rules.FailWhen;
import co.rtm.profiles.rules.MissingVehicleField;
import co.rtm.profiles.rules.RuleBook;
import co.rtm.profiles.rules.RuleBookLoader;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Vehicle;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import co.rtm.profiles.inspection.DeclaredInvalid;
import java.util.Map;
import java.util.Set;

/**
 * The RTMyEC scoring engine: readings + vehicle + lane profile -> score (DESIGN §5). Pure: no I/O, no clock,
 * no shared mutable state, so the lane and the hub reach the same verdict from the same document.
 */
public final class Scorer {
    /** Emission regimes change by the calendar day in Colombia. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final RuleBook rules;

    public Scorer(RuleBook rules) {
        this.rules = rules;
    }

    /** A scorer over the rulebook shipped with this build. */
    public static Scorer builtIn() {
        return new Scorer(RuleBookLoader.builtIn());
    }

    public RuleBook rules() { return rules; }

    /** Scores on the fixed lane that serves the vehicle's kind. */
    public ScoreResult score(ScoringInput in) {
        return score(in, Profiles.defaultLaneFor(in.vehicle().kind()));
    }

    /**
     * @throws InputException when the document lacks a vehicle field a rule needs, or the lane's class does not
     *                        accept the vehicle kind
     */
    public ScoreResult score(ScoringInput in, StationProfile lane) {
        return scoreAndMeasure(in, lane, null);
    }

    /**
     * As {@link #score(ScoringInput, StationProfile)}, with every item each applicable check judged, its value and
     * the limit it was held to (for the FUR, art. 3.3.5.1).
     */
    public Scored scoreWithMeasurements(ScoringInput in, StationProfile lane) {
        List<Measured> measured = new ArrayList<>();
        ScoreResult score = scoreAndMeasure(in, lane, measured);
        return new Scored(score, measured);
    }

    private ScoreResult scoreAndMeasure(ScoringInput in, StationProfile lane, List<Measured> measured) {
        Vehicle v = in.vehicle();
        if (!lane.accepts(v.kind())) {
            throw new InputException("vehicle.kind", "lane profile " + lane.ref() + " does not accept " + v.kind().json() + " vehicles");
        }
        try {
            return scoreOn(in, lane, measured);
        } catch (MissingVehicleField e) {
            throw new InputException("vehicle." + e.field(), "required field is missing (" + e.getMessage() + ")");
        }
    }

    private ScoreResult scoreOn(ScoringInput in, StationProfile lane, List<Measured> measured) {
        Vehicle v = in.vehicle();
        List<ProfileTest> required = lane.requiredTests(v);
        boolean emissions = required.stream().anyMatch(t -> t.test() == TestKind.GAS || t.test() == TestKind.OPACITY);
        String regime = emissions
                ? rules.regimeOn(in.testedAt().atZoneSameInstant(BOGOTA).toLocalDate()).map(EmissionRegime::id).orElse(null)
                : null;

        Map<TestKind, TestReading> readings = new EnumMap<>(TestKind.class);
        List<InvalidTest> invalid = new ArrayList<>();
        for (ProfileTest t : required) {
            Optional<DeclaredInvalid> declared = in.invalidTests().stream().filter(d -> d.test() == t.test()).findFirst();
            if (declared.isPresent()) {
                invalid.add(new InvalidTest(t.test(), declared.get().reason()));
                continue;
            }
            if (t.test() == TestKind.SENSORY) continue;
            TestReading r = read(t.test(), in.measurements(), v, regime);
            if (r == null) {
                invalid.add(new InvalidTest(t.test(), "required by " + lane.ref() + " but not measured"));
            } else {
                readings.put(t.test(), r);
            }
        }

        List<Defect> defects = new ArrayList<>();
        Set<String> groupsRaised = new HashSet<>();
        Map<TestKind, StringBuilder> notMeasured = new EnumMap<>(TestKind.class);
        for (Check c : rules.checks()) {
            TestReading r = readings.get(c.test());
            if (r == null || !c.appliesTo(v)) continue;
            List<Item> items = r.quantities.get(c.quantity());
            if (items == null) {
                if (!r.isInvalid()) notMeasured.computeIfAbsent(c.test(), k -> new StringBuilder()).append(notMeasuredText(c));
                continue;
            }
            if (measured != null) measure(c, r, items, measured);
            if (c.group() != null && groupsRaised.contains(c.group())) continue;
            boolean raised = judge(c, r, items, defects);
            if (raised && c.group() != null) groupsRaised.add(c.group());
        }
        for (ProfileTest t : required) {
            TestReading r = readings.get(t.test());
            if (r == null) continue;
            StringBuilder missing = notMeasured.get(t.test());
            if (missing != null) r.invalid(missing.substring(2));
            if (r.isInvalid()) invalid.add(new InvalidTest(t.test(), r.invalid.toString()));
        }
        boolean sensoryRequired = required.stream().anyMatch(t -> t.test() == TestKind.SENSORY);
        for (String code : in.sensoryDefects()) {
            CatalogueEntry e = rules.catalogue().get(code);
            // Art. 3.3.9.6: defects of exhaust, emissions, noise, oil and fuel systems do not apply to electric vehicles.
            if (v.fuel() == Fuel.ELECTRIC && e.electricExempt()) continue;
            if (!sensoryRequired && e.test() == TestKind.SENSORY) continue;
            defects.add(new Defect(e.code(), e.type(), e.test(), null, null, null, e.description()));
        }
        int typeA = (int) defects.stream().filter(d -> d.type() == DefectType.A).count();
        int typeB = defects.size() - typeA;
        Verdict verdict = rules.approval().rejects(typeA, typeB, v) ? Verdict.REJECTED
                : invalid.isEmpty() ? Verdict.APPROVED : Verdict.INCOMPLETE;
        return new ScoreResult(verdict, typeA, typeB, regime, defects, invalid);
    }

    private TestReading read(TestKind test, Measurements m, Vehicle v, String regime) {
        return switch (test) {
            case BRAKES -> m.brakes() == null ? null : Derivations.brakes(m.brakes(), v);
            case SUSPENSION -> m.suspension() == null ? null : Derivations.suspension(m.suspension());
            case SIDESLIP -> m.sideslip() == null ? null : Derivations.sideslip(m.sideslip());
            case LIGHTS -> m.lights() == null ? null : Derivations.lights(m.lights());
            case TYRES -> m.tyres() == null ? null : Derivations.tyres(m.tyres());
            case GAS -> m.gas() == null ? null : Derivations.gas(m.gas(), v, rules, regime);
            case OPACITY -> m.opacity() == null ? null : Derivations.opacity(m.opacity(), v, rules, regime);
            case NOISE -> m.noise() == null ? null : Derivations.noise(m.noise());
            case TAXIMETER -> m.taximeter() == null ? null : Derivations.taximeter(m.taximeter());
            case SENSORY -> throw new IllegalArgumentException("sensory defects are not measured");
        };
    }

    /** Applies one check to its items; returns whether it raised a defect. */
    private boolean judge(Check c, TestReading r, List<Item> items, List<Defect> out) {
        if (items.isEmpty()) return false;
        FailWhen fail = c.fail();
        double tableLimit = fail.gtLimitOf() == null ? Double.NaN : r.tableLimits.get(fail.gtLimitOf());
        CatalogueEntry entry = rules.catalogue().get(c.defect());
        String description = c.description() != null ? c.description() : entry.description();
        String unit = "table".equals(c.unit()) ? r.tableUnit : c.unit();
        Item worst = null;
        double worstLimit = Double.NaN;
        boolean raised = false;
        for (Item item : items) {
            double limit = fail.violated(item.value(), tableLimit);
            if (Double.isNaN(limit)) continue;
            if (c.count() == Check.Count.item) {
                out.add(defect(entry, item, limit, unit, description));
                raised = true;
            } else if (worst == null || Math.abs(item.value() - limit) > Math.abs(worst.value() - worstLimit)) {
                worst = item;
                worstLimit = limit;
            }
        }
        if (worst != null) {
            out.add(defect(entry, worst, worstLimit, unit, description));
            raised = true;
        }
        return raised;
    }

    private static void measure(Check c, TestReading r, List<Item> items, List<Measured> out) {
        FailWhen fail = c.fail();
        double tableLimit = fail.gtLimitOf() == null ? Double.NaN : r.tableLimits.get(fail.gtLimitOf());
        String unit = "table".equals(c.unit()) ? r.tableUnit : c.unit();
        for (Item item : items) {
            boolean passed = Double.isNaN(fail.violated(item.value(), tableLimit));
            out.add(new Measured(c.test(), c.id(), c.quantity(), item.label(), Reported.round(item.value()), unit,
                    fail.passText(tableLimit), fail.singleLimit(tableLimit), passed, c.defect()));
        }
    }

    private static Defect defect(CatalogueEntry e, Item item, double limit, String unit, String description) {
        String text = item.label().isEmpty() ? description : description + " (" + item.label() + ")";
        return new Defect(e.code(), e.type(), e.test(), Reported.round(item.value()), limit, unit, text);
    }

    private static String notMeasuredText(Check c) {
        return "; " + c.quantity().substring(c.quantity().indexOf('.') + 1) + " not measured (needed by check " + c.id() + ")";
    }
}
