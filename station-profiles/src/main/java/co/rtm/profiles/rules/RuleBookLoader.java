package co.rtm.profiles.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a rulebook from its thresholds file and its defect catalogue file, then checks what no single record
 * can: every check's defect exists in the catalogue for the same test, every table names a known regime, and
 * regimes do not overlap. Every mistake names the file, the line and the field.
 */
public final class RuleBookLoader {
    public static final String BUILT_IN_THRESHOLDS = "/co/rtm/profiles/rules/rtmyec.yaml";
    public static final String BUILT_IN_DEFECTS = "/co/rtm/profiles/rules/defects.yaml";

    private static volatile RuleBook builtIn;

    private RuleBookLoader() {}

    /** The rulebook shipped with this build (loaded once). */
    public static RuleBook builtIn() {
        RuleBook rb = builtIn;
        if (rb == null) {
            synchronized (RuleBookLoader.class) {
                if (builtIn == null) {
                    builtIn = load("rtmyec.yaml", YamlFiles.resource(BUILT_IN_THRESHOLDS),
                            "defects.yaml", YamlFiles.resource(BUILT_IN_DEFECTS));
                }
                rb = builtIn;
            }
        }
        return rb;
    }

    record ThresholdsFile(String id, Integer version, String title, List<EmissionRegime> emissionRegimes,
                          Approval approval, Procedures procedures, List<Check> checks,
                          List<GasLimit> gasLimits, List<OpacityLimit> opacityLimits) {
        ThresholdsFile {
            Require.present(id, "id");
            Require.present(version, "version");
            Require.check(version >= 1, "'version' must be at least 1");
            Require.present(title, "title");
            Require.present(emissionRegimes, "emissionRegimes");
            Require.present(approval, "approval");
            Require.present(procedures, "procedures");
            Require.present(checks, "checks");
            gasLimits = gasLimits == null ? List.of() : List.copyOf(gasLimits);
            opacityLimits = opacityLimits == null ? List.of() : List.copyOf(opacityLimits);
        }
    }

    record DefectsFile(List<CatalogueEntry> defects) {
        DefectsFile {
            Require.present(defects, "defects");
        }
    }

    public static RuleBook load(String thresholdsName, String thresholdsText, String defectsName, String defectsText) {
        ThresholdsFile t = YamlFiles.read(thresholdsName, thresholdsText, ThresholdsFile.class);
        DefectsFile d = YamlFiles.read(defectsName, defectsText, DefectsFile.class);
        DefectCatalogue catalogue;
        try {
            catalogue = new DefectCatalogue(d.defects());
        } catch (IllegalArgumentException e) {
            String code = e.getMessage().replaceAll(".*code (\\S+) appears twice", "$1");
            int first = YamlFiles.lineOf(defectsText, "code: " + code);
            int second = YamlFiles.lineOf(defectsText.substring(defectsText.indexOf("code: " + code) + 1), "code: " + code);
            throw new RuleFileException(defectsName, second == 0 ? first : first + second - 1, "defects", e.getMessage());
        }

        Set<String> regimeIds = new HashSet<>();
        for (int i = 0; i < t.emissionRegimes().size(); i++) {
            EmissionRegime r = t.emissionRegimes().get(i);
            if (!regimeIds.add(r.id())) fail(thresholdsName, thresholdsText, "id: " + r.id(), "emissionRegimes[" + i + "].id", "regime " + r.id() + " declared twice");
            for (int j = 0; j < i; j++) {
                EmissionRegime o = t.emissionRegimes().get(j);
                if (overlap(r, o)) fail(thresholdsName, thresholdsText, "id: " + r.id(), "emissionRegimes[" + i + "]", "overlaps regime " + o.id());
            }
        }
        Set<String> checkIds = new HashSet<>();
        for (int i = 0; i < t.checks().size(); i++) {
            Check c = t.checks().get(i);
            String where = "checks[" + i + "]";
            if (!checkIds.add(c.id())) fail(thresholdsName, thresholdsText, "id: " + c.id(), where + ".id", "check id " + c.id() + " used twice");
            CatalogueEntry e = catalogue.find(c.defect()).orElse(null);
            if (e == null) fail(thresholdsName, thresholdsText, "defect: " + c.defect(), where + ".defect", "defect code " + c.defect() + " is not in " + defectsName);
            else if (e.test() != c.test()) fail(thresholdsName, thresholdsText, "defect: " + c.defect(), where + ".defect",
                    "defect " + c.defect() + " belongs to test '" + e.test().json() + "', but the check measures '" + c.test().json() + "'");
        }
        for (int i = 0; i < t.gasLimits().size(); i++) {
            String regime = t.gasLimits().get(i).regime();
            if (!regimeIds.contains(regime)) fail(thresholdsName, thresholdsText, "regime: " + regime, "gasLimits[" + i + "].regime", "unknown regime " + regime);
        }
        for (int i = 0; i < t.opacityLimits().size(); i++) {
            String regime = t.opacityLimits().get(i).regime();
            if (!regimeIds.contains(regime)) fail(thresholdsName, thresholdsText, "regime: " + regime, "opacityLimits[" + i + "].regime", "unknown regime " + regime);
        }
        return new RuleBook(t.id(), t.version(), t.title(), List.copyOf(t.emissionRegimes()), t.approval(), t.procedures(),
                List.copyOf(t.checks()), t.gasLimits(), t.opacityLimits(), catalogue);
    }

    private static boolean overlap(EmissionRegime a, EmissionRegime b) {
        boolean aBeforeB = a.until() != null && b.from() != null && a.until().isBefore(b.from());
        boolean bBeforeA = b.until() != null && a.from() != null && b.until().isBefore(a.from());
        return !aBeforeB && !bBeforeA;
    }

    private static void fail(String file, String text, String needle, String field, String problem) {
        throw new RuleFileException(file, YamlFiles.lineOf(text, needle), field, problem);
    }
}
