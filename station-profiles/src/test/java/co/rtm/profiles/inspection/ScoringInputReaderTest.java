package co.rtm.profiles.inspection;

import co.rtm.profiles.rules.RuleBookLoader;
import co.rtm.profiles.scoring.Scorer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad documents fail with the path of the offending field, whatever is wrong with them. */
class ScoringInputReaderTest {
    private static final ScoringInputReader READER = new ScoringInputReader(RuleBookLoader.builtIn().catalogue()::contains);

    private static final String GOOD = """
        {"testedAt": "2026-11-20T10:15:00-05:00",
         "vehicle": {"plate": "XYZ12A", "kind": "motorcycle", "service": "particular", "fuel": "gasoline",
                     "modelYear": 2020, "engineStrokes": 4, "grossWeightKg": 300},
         "measurements": {"brakes": {"axles": [{"weightN": 1500, "serviceN": 900}]},
                          "lights": {"lowBeams": [{"side": "center", "intensityKlux": 9, "inclinationPct": 1.5}]},
                          "tyres": {"treadDepthsMm": [2.0, 2.1]},
                          "gas": {"oilTempC": 60, "idle": {"rpm": 1400, "coPct": 1.0, "co2Pct": 12, "o2Pct": 2, "hcPpm": 300}},
                          "noise": {"dBA": 85}},
         "sensoryDefects": []}""";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"kind\": \"motorcycle\" | \"kind\": \"bus\" | vehicle.kind: unknown value 'bus'",
            "\"fuel\": \"gasoline\" | \"fuel\": \"kerosene\" | vehicle.fuel: unknown value 'kerosene'",
            "\"modelYear\": 2020, | | vehicle.modelYear: required field is missing",
            "\"modelYear\": 2020 | \"modelYear\": 2028 | vehicle.modelYear: model year 2028 is in the future",
            "\"modelYear\": 2020 | \"modelYear\": \"2020\" | vehicle.modelYear: expected an integer, got the string",
            "\"serviceN\": 900 | \"serviceN\": -1 | measurements.brakes.axles[0].serviceN: must not be negative",
            "\"intensityKlux\": 9 | \"intensityKlux\": \"high\" | measurements.lights.lowBeams[0].intensityKlux: expected a number",
            "\"treadDepthsMm\": [2.0, 2.1] | \"treadDepthsMm\": [2.0, -0.1] | measurements.tyres.treadDepthsMm[1]: must not be negative",
            "\"coPct\": 1.0 | \"coPct\": 120 | measurements.gas.idle.coPct: a percentage cannot exceed 100",
            "\"sensoryDefects\": [] | \"sensoryDefects\": [\"1.2.3\"] | sensoryDefects[0]: unknown defect code '1.2.3'",
            "\"noise\": {\"dBA\": 85} | \"noise\": {\"dB\": 85} | measurements.noise.dB: unknown field",
            "\"weightN\": 1500 | \"weightN\": 0 | measurements.brakes.axles[0].weightN: must be greater than zero",
            "\"testedAt\": \"2026-11-20T10:15:00-05:00\" | \"testedAt\": \"2026-11-20 10:15\" | testedAt: not an ISO-8601 date-time",
            "\"side\": \"center\" | \"side\": \"middle\" | measurements.lights.lowBeams[0].side: unknown value 'middle'",
            "\"engineStrokes\": 4 | \"engineStrokes\": 3 | vehicle.engineStrokes: must be 2 or 4",
            "\"plate\": \"XYZ12A\" | \"plate\": \" \" | vehicle.plate: must not be blank",
            "\"sensoryDefects\": []} | \"sensoryDefects\": [] | document: malformed JSON at line"})
    void badInputNamesTheField(String from, String to, String message) {
        String doc = GOOD.replace(from, to == null ? "" : to);
        assertThatThrownBy(() -> Scorer.builtIn().score(READER.read(doc)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(message);
    }

    @org.junit.jupiter.api.Test
    void aDocumentMustBeAnObject() {
        assertThatThrownBy(() -> READER.read("[1, 2]")).hasMessage("document: expected an object, got an array");
        assertThatThrownBy(() -> READER.read("")).hasMessage("document: empty document");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource(delimiter = '|', value = {
            "\"engineStrokes\": 4, | vehicle.engineStrokes: required field is missing",
            "\"grossWeightKg\": 300 | vehicle.grossWeightKg: required field is missing"})
    void vehicleFieldsTheRulesNeed(String remove, String message) {
        String doc = GOOD.replace(remove, "").replace(", }", "}").replace("\"kind\": \"motorcycle\"",
                remove.contains("gross") ? "\"kind\": \"light\"" : "\"kind\": \"motorcycle\"");
        if (remove.contains("gross")) {
            // a light vehicle: brakes with left/right, and the tread limit depends on gross weight
            doc = doc.replace("\"engineStrokes\": 4, ", "\"engineStrokes\": 4").replace("{\"weightN\": 1500, \"serviceN\": 900}",
                    "{\"weightN\": 1500, \"serviceLeftN\": 400, \"serviceRightN\": 400}");
        }
        String finalDoc = doc;
        assertThatThrownBy(() -> Scorer.builtIn().score(READER.read(finalDoc)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(message);
    }
}
