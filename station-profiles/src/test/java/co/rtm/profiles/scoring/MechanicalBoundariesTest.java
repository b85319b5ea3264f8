package co.rtm.profiles.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mechanised rule of DESIGN §5 just below, at and just above its boundary. */
class MechanicalBoundariesTest {

    static List<String> codes(ScoreResult r) {
        return r.defects().stream().map(Defect::code).toList();
    }

    @ParameterizedTest(name = "service efficiency {0} % -> {1}")
    @CsvSource({"49.99, 1.1.7.30.1", "50.00, ''", "50.01, ''"})
    void serviceEfficiencyOfFourWheelVehicles(double pct, String code) {
        // weights total 10,000 N: the four service forces share pct*100 N evenly per axle side
        double perWheel = pct * 100 / 4;
        ScoreResult r = Docs.light().brake(0, "serviceLeftN", perWheel).brake(0, "serviceRightN", perWheel)
                .brake(1, "serviceLeftN", perWheel).brake(1, "serviceRightN", perWheel).score();
        assertThat(codes(r).contains("1.1.7.30.1")).isEqualTo(!code.isEmpty());
        if (!code.isEmpty()) {
            assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(r.defects()).filteredOn(d -> d.code().equals(code)).singleElement()
                    .satisfies(d -> assertThat(d.limit()).isEqualTo(50.0));
        }
    }

    @ParameterizedTest(name = "parking efficiency {0} % -> B: {1}")
    @CsvSource({"17.99, true", "18.00, false", "18.01, false"})
    void parkingEfficiency(double pct, boolean defect) {
        double perWheel = pct * 100 / 2;
        ScoreResult r = Docs.light().brake(1, "parkingLeftN", perWheel).brake(1, "parkingRightN", perWheel).score();
        assertThat(codes(r).contains("1.1.7.30.2")).isEqualTo(defect);
        assertThat(r.verdict()).isEqualTo(Verdict.APPROVED); // one B alone never rejects
    }

    @ParameterizedTest(name = "imbalance {0} % -> {1}")
    @CsvSource({"19.99, ''", "20.00, 1.1.7.31.2", "25.00, 1.1.7.31.2", "30.00, 1.1.7.31.2", "30.01, 1.1.7.31.1"})
    void imbalancePerAxle(double pct, String code) {
        // axle 1 right side weaker by pct % of the left (2,000 N)
        ScoreResult r = Docs.light().brake(0, "serviceLeftN", 2000).brake(0, "serviceRightN", 2000 * (1 - pct / 100)).score();
        List<String> imbalance = codes(r).stream().filter(c -> c.startsWith("1.1.7.31")).toList();
        assertThat(imbalance).isEqualTo(code.isEmpty() ? List.of() : List.of(code));
    }

    @ParameterizedTest(name = "{0} efficiency {1} % -> A: {2}")
    @CsvSource({"motorcycle, 29.99, true", "motorcycle, 30.00, false", "motorcycle, 30.01, false",
                "motocarro, 29.99, true", "motocarro, 30.00, false"})
    void motorcycleFamilyEfficiency(String kind, double pct, boolean defect) {
        Docs d = kind.equals("motorcycle") ? Docs.motorcycle() : Docs.motocarro();
        ScoreResult r = d.brake(0, "serviceN", pct * 100 / 2).brake(1, "serviceN", pct * 100 / 2).score();
        String code = kind.equals("motorcycle") ? "1.2.6.15.1" : "1.4.6.19.1";
        assertThat(codes(r).contains(code)).isEqualTo(defect);
        assertThat(r.verdict()).isEqualTo(defect ? Verdict.REJECTED : Verdict.APPROVED);
    }

    @ParameterizedTest(name = "suspension {0} % -> A: {1}")
    @CsvSource({"39.99, true", "40.00, false", "40.01, false"})
    void suspensionAdherence(double pct, boolean defect) {
        ScoreResult r = Docs.light().set("measurements.suspension.wheels.2.adherencePct", pct).score();
        assertThat(codes(r).contains("1.1.8.33.1")).isEqualTo(defect);
    }

    @ParameterizedTest(name = "sideslip axle {0} at {1} m/km -> {2}")
    @CsvSource({"0, 10.0, ''", "0, 10.01, 1.1.10.36.1", "0, -10.01, 1.1.10.36.1", "0, -10.0, ''",
                "1, 10.0, ''", "1, 10.01, 1.1.10.36.2", "1, -10.01, 1.1.10.36.2"})
    void sideslip(int index, double mPerKm, String code) {
        ScoreResult r = Docs.light().set("measurements.sideslip.axles." + index + ".mPerKm", mPerKm).score();
        assertThat(codes(r).stream().filter(c -> c.startsWith("1.1.10.36")).toList())
                .isEqualTo(code.isEmpty() ? List.of() : List.of(code));
    }

    @ParameterizedTest(name = "low beam {0} klux -> A: {1}")
    @CsvSource({"2.49, true", "2.5, false", "2.51, false"})
    void lowBeamIntensityCountsPerLamp(double klux, boolean defect) {
        ScoreResult r = Docs.light().set("measurements.lights.lowBeams.0.intensityKlux", klux)
                .set("measurements.lights.lowBeams.1.intensityKlux", klux).score();
        assertThat(codes(r).stream().filter("1.1.4.14.1"::equals).count()).isEqualTo(defect ? 2 : 0);
    }

    @ParameterizedTest(name = "inclination {0} % -> A: {1}")
    @CsvSource({"0.49, true", "0.5, false", "3.5, false", "3.51, true", "-1.0, true"})
    void inclination(double pct, boolean defect) {
        ScoreResult r = Docs.light().set("measurements.lights.lowBeams.0.inclinationPct", pct).score();
        assertThat(codes(r).contains("1.1.4.14.3")).isEqualTo(defect);
    }

    @ParameterizedTest(name = "sum {0} klux -> A: {1}")
    @CsvSource({"224.99, false", "225, false", "225.01, true"})
    void simultaneousSum(double klux, boolean defect) {
        assertThat(codes(Docs.light().set("measurements.lights.simultaneousSumKlux", klux).score()).contains("1.1.4.14.2")).isEqualTo(defect);
    }

    @ParameterizedTest(name = "motorcycle low beam {0} klux -> A: {1}")
    @CsvSource({"2.49, true", "2.5, false"})
    void motorcycleLightsNeedNoSum(double klux, boolean defect) {
        ScoreResult r = Docs.motorcycle().set("measurements.lights.lowBeams.0.intensityKlux", klux).score();
        assertThat(codes(r)).isEqualTo(defect ? List.of("1.2.4.7.1") : List.of());
        assertThat(r.invalid()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: gross {1} kg, tread {2} mm -> {3}")
    @CsvSource({"light, 1500, 1.59, 1.1.11.37.6", "light, 1500, 1.6, ''", "light, 3500, 1.6, ''", "light, 3500, 1.59, 1.1.11.37.6",
                "light, 3501, 1.99, 1.1.11.37.7", "light, 3501, 2.0, ''", "heavy, 12000, 1.99, 1.1.11.37.7",
                "motorcycle, 300, 0.99, 1.2.9.18.6", "motorcycle, 300, 1.0, ''", "motocarro, 900, 0.99, 1.4.9.23.6"})
    void treadDepth(String kind, double grossKg, double mm, String code) {
        Docs d = switch (kind) {
            case "light" -> Docs.light();
            case "heavy" -> Docs.heavyDiesel();
            case "motorcycle" -> Docs.motorcycle();
            default -> Docs.motocarro();
        };
        ScoreResult r = d.set("vehicle.grossWeightKg", grossKg).set("measurements.tyres.treadDepthsMm", List.of(5.0, mm)).score();
        assertThat(r.defects().stream().filter(x -> x.test().json().equals("tyres")).map(Defect::code).toList())
                .isEqualTo(code.isEmpty() ? List.of() : List.of(code));
    }

    @ParameterizedTest(name = "taximeter distance {0} %, time {1} % -> {2} A")
    @CsvSource({"2.0, -2.0, 0", "2.01, 0, 1", "-2.01, 0, 1", "0, 2.01, 1", "3, -3, 2"})
    void taximeter(double distance, double time, int defects) {
        ScoreResult r = Docs.light().set("vehicle.service", "publico").set("vehicle.hasTaximeter", true)
                .setJson("measurements.taximeter", "{\"distanceErrorPct\": " + distance + ", \"timeErrorPct\": " + time + "}").score();
        assertThat(r.defects()).filteredOn(d -> d.test().json().equals("taximeter")).hasSize(defects);
    }

    @org.junit.jupiter.api.Test
    void taximeterIsRequiredOnlyWhenFitted() {
        ScoreResult r = Docs.light().set("vehicle.service", "publico").set("vehicle.hasTaximeter", true).score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).extracting(i -> i.test().json()).containsExactly("taximeter");
        assertThat(Docs.light().set("vehicle.service", "publico").score().verdict()).isEqualTo(Verdict.APPROVED);
    }

    @org.junit.jupiter.api.Test
    void heavyVehiclesHaveNoSuspensionTestAndEvaluateEveryAxle() {
        Docs d = Docs.heavyDiesel();
        d.setJson("measurements.brakes", """
            {"axles": [{"weightN": 40000, "serviceLeftN": 12000, "serviceRightN": 8000},
                       {"weightN": 40000, "serviceLeftN": 12000, "serviceRightN": 12000},
                       {"weightN": 40000, "serviceLeftN": 12000, "serviceRightN": 7900, "parkingLeftN": 12000, "parkingRightN": 12000}]}""");
        ScoreResult r = d.score();
        assertThat(r.invalid()).isEmpty();
        // axle 1: 33.3 % -> A; axle 3: 34.2 % -> A; one defect per axle
        assertThat(codes(r)).containsExactly("1.1.7.31.1", "1.1.7.31.1");
        assertThat(r.defects().get(0).description()).endsWith("(eje 1)");
        assertThat(r.defects().get(1).description()).endsWith("(eje 3)");
    }
}
