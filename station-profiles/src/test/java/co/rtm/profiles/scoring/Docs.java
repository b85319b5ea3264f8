package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.rules.RuleBookLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds scoring documents that pass every test, so each test changes only the reading it is about.
 * Brake weights sum to 10,000 N, so forces read directly as per-mille of efficiency.
 */
final class Docs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Scorer SCORER = Scorer.builtIn();
    static final ScoringInputReader READER = new ScoringInputReader(RuleBookLoader.builtIn().catalogue()::contains);

    final ObjectNode root;

    private Docs(String json) {
        try {
            root = (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Docs light() {
        return new Docs("""
            {"testedAt": "2026-11-20T10:15:00-05:00",
             "vehicle": {"plate": "ABC123", "kind": "light", "service": "particular", "fuel": "gasoline",
                         "modelYear": 2012, "displacementCc": 1600, "grossWeightKg": 1500, "axles": 2, "engineStrokes": 4},
             "measurements": {
               "brakes": {"axles": [{"weightN": 6000, "serviceLeftN": 2000, "serviceRightN": 2000},
                                    {"weightN": 4000, "serviceLeftN": 1000, "serviceRightN": 1000, "parkingLeftN": 1000, "parkingRightN": 1000}]},
               "suspension": {"wheels": [{"position": "FL", "adherencePct": 62}, {"position": "FR", "adherencePct": 61},
                                         {"position": "RL", "adherencePct": 58}, {"position": "RR", "adherencePct": 59}]},
               "sideslip": {"axles": [{"axle": 1, "mPerKm": 4.0}, {"axle": 2, "mPerKm": 2.0}]},
               "lights": {"lowBeams": [{"side": "left", "intensityKlux": 12.0, "inclinationPct": 1.5},
                                       {"side": "right", "intensityKlux": 12.5, "inclinationPct": 1.6}],
                          "simultaneousSumKlux": 80},
               "tyres": {"treadDepthsMm": [3.1, 3.0, 2.8, 2.9]},
               "gas": {"oilTempC": 78, "idle": {"rpm": 850, "coPct": 0.3, "co2Pct": 14.2, "o2Pct": 0.4, "hcPpm": 60},
                       "cruise": {"rpm": 2500, "coPct": 0.2, "co2Pct": 14.5, "o2Pct": 0.3, "hcPpm": 40}},
               "noise": {"dBA": 82}},
             "sensoryDefects": []}
            """);
    }

    static Docs heavyDiesel() {
        Docs d = light();
        d.set("vehicle.kind", "heavy").set("vehicle.fuel", "diesel").set("vehicle.grossWeightKg", 12000)
         .set("vehicle.displacementCc", 7200).set("vehicle.modelYear", 2018);
        d.remove("measurements.suspension").remove("measurements.gas");
        d.setJson("measurements.opacity", """
            {"unit": "k", "governedSpeedReachedS": 2.1, "sets": [[1.1, 1.2, 1.0]], "zeroDriftK": 0.05}""");
        d.setJson("measurements.tyres", "{\"treadDepthsMm\": [5.0, 4.8, 4.9, 5.1, 5.0, 4.7]}");
        return d;
    }

    static Docs motorcycle() {
        Docs d = light();
        d.set("vehicle.kind", "motorcycle").set("vehicle.grossWeightKg", 300).set("vehicle.displacementCc", 150);
        d.remove("measurements.suspension").remove("measurements.sideslip");
        d.setJson("measurements.brakes", """
            {"axles": [{"weightN": 6000, "serviceN": 2400}, {"weightN": 4000, "serviceN": 1600}]}""");
        d.setJson("measurements.lights", """
            {"lowBeams": [{"side": "center", "intensityKlux": 9.0, "inclinationPct": 1.5}]}""");
        d.setJson("measurements.tyres", "{\"treadDepthsMm\": [2.0, 1.8]}");
        d.setJson("measurements.gas", """
            {"oilTempC": 60, "idle": {"rpm": 1400, "coPct": 1.0, "co2Pct": 12.0, "o2Pct": 2.0, "hcPpm": 300}}""");
        return d;
    }

    static Docs motocarro() {
        Docs d = motorcycle();
        d.set("vehicle.kind", "motocarro").set("vehicle.grossWeightKg", 900);
        d.setJson("measurements.brakes", """
            {"axles": [{"weightN": 4000, "serviceN": 1600}, {"weightN": 6000, "serviceN": 2400}]}""");
        return d;
    }

    Docs set(String path, Object value) {
        ObjectNode parent = parent(path);
        String leaf = leaf(path);
        parent.set(leaf, JSON.valueToTree(value));
        return this;
    }

    Docs setJson(String path, String json) {
        try {
            parent(path).set(leaf(path), JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Docs remove(String path) {
        parent(path).remove(leaf(path));
        return this;
    }

    Docs sensory(String... codes) {
        ArrayNode a = root.putArray("sensoryDefects");
        for (String c : codes) a.add(c);
        return this;
    }

    /** Sets a brake force as a fraction of the total axle weight: 500 means 5 %. */
    Docs brake(int axle, String field, double newtons) {
        return set("measurements.brakes.axles." + axle + "." + field, newtons);
    }

    String json() { return root.toString(); }

    ScoreResult score() { return SCORER.score(READER.read(json())); }

    private ObjectNode parent(String path) {
        String[] parts = path.split("\\.");
        JsonNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = n.isArray() ? n.get(Integer.parseInt(parts[i])) : n.get(parts[i]);
        }
        return (ObjectNode) n;
    }

    private static String leaf(String path) { return path.substring(path.lastIndexOf('.') + 1); }
}
