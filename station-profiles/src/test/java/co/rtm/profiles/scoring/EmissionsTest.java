package co.rtm.profiles.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gas analyser and opacimeter rules: regimes by Bogotá date, limit tables, dilution, procedures. */
class EmissionsTest {
    private static final String OLD = "2022-06-01T10:00:00-05:00";
    private static final String NEW = "2026-11-20T10:00:00-05:00";

    private static List<Defect> emissionDefects(ScoreResult r) {
        return r.defects().stream().filter(d -> d.test().json().equals("gas") || d.test().json().equals("opacity")).toList();
    }

    @ParameterizedTest(name = "tested {0} -> {1}")
    @CsvSource({"2023-02-07T23:59:59-05:00, RES_910_2008", "2023-02-08T00:00:00-05:00, RES_0762_2022",
                "2023-02-08T04:59:59Z, RES_910_2008", "2023-02-08T05:00:00Z, RES_0762_2022",
                "2013-06-05T08:00:00-05:00, RES_910_2008"})
    void regimeFollowsTheBogotaCalendarDay(String testedAt, String regime) {
        assertThat(Docs.light().set("testedAt", testedAt).score().emissionRegime()).isEqualTo(regime);
    }

    @ParameterizedTest(name = "{0} car of {1}: CO {2} % -> A: {3}")
    @CsvSource({"old, 1970, 5.0, false", "old, 1970, 5.01, true", "old, 1971, 4.0, false", "old, 1971, 4.01, true",
                "old, 1997, 3.0, false", "old, 1997, 3.01, true", "old, 2015, 1.0, false", "old, 2015, 1.01, true",
                "new, 1984, 4.0, false", "new, 1984, 4.01, true", "new, 2009, 1.0, false", "new, 2009, 1.01, true",
                "new, 2010, 0.8, false", "new, 2010, 0.81, true", "new, 2010, 0.79, false"})
    void carCoLimits(String regime, int modelYear, double co, boolean defect) {
        ScoreResult r = Docs.light().set("testedAt", regime.equals("old") ? OLD : NEW).set("vehicle.modelYear", modelYear)
                .set("measurements.gas.cruise.coPct", co).score();
        assertThat(emissionDefects(r)).hasSize(defect ? 1 : 0);
        if (defect) assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest(name = "{0} car of {1}: HC {2} ppm -> A: {3}")
    @CsvSource({"old, 1970, 800, false", "old, 1970, 801, true", "old, 1984, 650, false", "old, 1985, 401, true",
                "old, 1998, 200, false", "old, 1998, 200.1, true", "new, 2010, 160, false", "new, 2010, 160.1, true",
                "new, 2005, 200, false", "new, 1990, 401, true"})
    void carHcLimits(String regime, int modelYear, double hc, boolean defect) {
        ScoreResult r = Docs.light().set("testedAt", regime.equals("old") ? OLD : NEW).set("vehicle.modelYear", modelYear)
                .set("measurements.gas.idle.hcPpm", hc).score();
        assertThat(emissionDefects(r)).hasSize(defect ? 1 : 0);
    }

    @Test
    void onePollutantOverItsLimitAtIdleAndCruiseIsOneDefectAndTwoPollutantsAreTwo() {
        ScoreResult one = Docs.light().set("measurements.gas.idle.coPct", 2.0).set("measurements.gas.cruise.coPct", 3.0).score();
        assertThat(emissionDefects(one)).singleElement().satisfies(d -> {
            assertThat(d.measured()).isEqualTo(3.0);
            assertThat(d.limit()).isEqualTo(0.8);
            assertThat(d.description()).contains("CO").endsWith("(crucero)");
        });
        ScoreResult two = Docs.light().set("measurements.gas.idle.coPct", 2.0).set("measurements.gas.idle.hcPpm", 500).score();
        assertThat(emissionDefects(two)).hasSize(2);
        assertThat(two.typeA()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} motorcycle {1}T {2}: CO {3} %, HC {4} ppm -> {5} defects")
    @CsvSource({"old, 4, 2015, 4.5, 2000, 0", "old, 4, 2015, 4.51, 2000, 1", "old, 4, 2015, 4.5, 2001, 1",
                "new, 4, 2015, 3.5, 1300, 0", "new, 4, 2015, 3.51, 1301, 2",
                "old, 2, 2009, 4.5, 10000, 0", "old, 2, 2010, 4.5, 2001, 1",
                "new, 2, 2009, 3.5, 8000, 0", "new, 2, 2009, 3.5, 8001, 1", "new, 2, 2010, 3.5, 1600, 0", "new, 2, 2010, 3.5, 1601, 1"})
    void motorcycleLimitsAtIdle(String regime, int strokes, int year, double co, double hc, int defects) {
        ScoreResult r = Docs.motorcycle().set("testedAt", regime.equals("old") ? OLD : NEW).set("vehicle.engineStrokes", strokes)
                .set("vehicle.modelYear", year).set("measurements.gas.idle.coPct", co).set("measurements.gas.idle.hcPpm", hc).score();
        assertThat(emissionDefects(r)).hasSize(defects);
        assertThat(r.defects()).allSatisfy(d -> assertThat(d.code()).isEqualTo("1.2.5.8.1"));
    }

    @Test
    void motorcyclesAreMeasuredAtIdleOnlyAndCarsNeedCruise() {
        assertThat(Docs.motorcycle().score().invalid()).isEmpty();
        ScoreResult car = Docs.light().remove("measurements.gas.cruise").score();
        assertThat(car.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(car.invalid()).singleElement().satisfies(i -> assertThat(i.reason()).contains("cruise"));
    }

    @ParameterizedTest(name = "{0}: CO2 {1} %, O2 {2} % -> dilution: {3}")
    @CsvSource({"gasoline, 6.99, 1.0, true", "gasoline, 7.0, 1.0, false", "gasoline, 14, 5.0, false", "gasoline, 14, 5.01, true",
                "gasoline, 6.0, 6.0, true", "hybrid, 14, 5.01, true", "gnv, 14, 6.0, false", "glp, 14, 9.0, false", "gnv, 6.99, 1.0, true"})
    void dilutionIsOneDefectPerVehicle(String fuel, double co2, double o2, boolean dilution) {
        ScoreResult r = Docs.light().set("vehicle.fuel", fuel).set("measurements.gas.idle.co2Pct", co2)
                .set("measurements.gas.idle.o2Pct", o2).set("measurements.gas.cruise.co2Pct", co2).score();
        assertThat(r.defects()).filteredOn(d -> d.description().startsWith("Dilución")).hasSize(dilution ? 1 : 0);
        if (dilution) assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest(name = "{0} oil at {1} °C -> valid: {2}")
    @CsvSource({"car, 59.9, false", "car, 60, true", "motorcycle, 39.9, false", "motorcycle, 40, true"})
    void coldOilMakesTheGasTestInvalidNeverPassed(String kind, double oil, boolean valid) {
        Docs d = kind.equals("car") ? Docs.light() : Docs.motorcycle();
        ScoreResult r = d.set("measurements.gas.oilTempC", oil).score();
        assertThat(r.verdict()).isEqualTo(valid ? Verdict.APPROVED : Verdict.INCOMPLETE);
        if (!valid) assertThat(r.invalid()).singleElement().satisfies(i -> {
            assertThat(i.test().json()).isEqualTo("gas");
            assertThat(i.reason()).contains("below the procedure minimum");
        });
    }

    @Test
    void coldOilReadingsAreNotJudgedAndAnotherTypeAStillRejects() {
        ScoreResult invalidOnly = Docs.light().set("measurements.gas.oilTempC", 40).set("measurements.gas.idle.coPct", 9).score();
        assertThat(emissionDefects(invalidOnly)).isEmpty();
        assertThat(invalidOnly.verdict()).isEqualTo(Verdict.INCOMPLETE);
        ScoreResult rejected = Docs.light().set("measurements.gas.oilTempC", 40).set("measurements.tyres.treadDepthsMm", List.of(1.0)).score();
        assertThat(rejected.verdict()).isEqualTo(Verdict.REJECTED);
    }

    // --- Opacity: heavy diesel 2018, 7,200 cc, Res 0762 -> limit 3.5 m-1 --------------------------

    @ParameterizedTest(name = "sets {0} -> {1}, codes {2}")
    @CsvSource(delimiter = '|', value = {
            "[[3.4, 3.5, 3.6]]                                   | APPROVED   | ''",
            "[[3.5, 3.51, 3.52]]                                 | REJECTED   | 2.1.1.1.11",
            "[[1.0, 1.5, 1.2]]                                   | APPROVED   | ''",
            "[[1.0, 1.51, 1.2], [1.1, 1.2, 1.0]]                 | APPROVED   | ''",
            "[[1.0, 1.51, 1.2], [1.0, 1.6, 1.2]]                 | INCOMPLETE | ''",
            "[[1.0, 1.51, 1.2], [1.0, 1.6, 1.2], [0.2, 1.0, 1]]  | REJECTED   | 2.1.1.1.12",
            "[[1.0, 1.51, 1.2], [1.0, 1.6, 1.2], [0.2, 1.0, 1], [1, 1, 1]] | REJECTED | 2.1.1.1.12",
            "[[1.0, 1.51, 1.2], [5.0, 5.1, 5.2]]                 | REJECTED   | 2.1.1.1.11"})
    void opacitySetsFollowNtc4231(String sets, Verdict verdict, String code) {
        ScoreResult r = Docs.heavyDiesel().setJson("measurements.opacity.sets", sets).score();
        assertThat(r.verdict()).isEqualTo(verdict);
        assertThat(emissionDefects(r).stream().map(Defect::code).toList()).isEqualTo(code.isEmpty() ? List.of() : List.of(code));
        if (verdict != Verdict.INCOMPLETE) assertThat(r.invalid()).isEmpty();
    }

    @ParameterizedTest(name = "governed speed after {0} s -> A: {1}")
    @CsvSource({"4.99, false", "5.0, false", "5.01, true"})
    void governedSpeed(double seconds, boolean defect) {
        ScoreResult r = Docs.heavyDiesel().set("measurements.opacity.governedSpeedReachedS", seconds).score();
        assertThat(emissionDefects(r).stream().map(Defect::code).toList()).isEqualTo(defect ? List.of("2.1.1.1.9") : List.of());
    }

    @ParameterizedTest(name = "{0} cc {1} -> limit {2}")
    @CsvSource({"4999, 2018, 4.0", "5000, 2018, 3.5", "4999, 2015, 5.0", "5000, 2001, 4.5", "3000, 2000, 6.0", "9000, 1995, 5.5"})
    void opacityLimitByDisplacementAndYear(int cc, int year, double limit) {
        ScoreResult r = Docs.heavyDiesel().set("vehicle.displacementCc", cc).set("vehicle.modelYear", year)
                .setJson("measurements.opacity.sets", "[[7.0, 7.0, 7.0]]").score();
        assertThat(emissionDefects(r)).singleElement().satisfies(d -> {
            assertThat(d.limit()).isEqualTo(limit);
            assertThat(d.unit()).isEqualTo("m-1");
        });
    }

    @Test
    void opacityUnitsAreConvertedToTheRegimeTable() {
        // Res 910 (percent table, 35 % from 1998): 1.0 m-1 is 34.95 %, passes; 1.01 m-1 is 35.2 %, fails.
        assertThat(Docs.heavyDiesel().set("testedAt", OLD).setJson("measurements.opacity.sets", "[[1.0, 1.0, 1.0]]").score().verdict())
                .isEqualTo(Verdict.APPROVED);
        ScoreResult old = Docs.heavyDiesel().set("testedAt", OLD).setJson("measurements.opacity.sets", "[[1.01, 1.01, 1.01]]").score();
        assertThat(emissionDefects(old)).singleElement().satisfies(d -> {
            assertThat(d.unit()).isEqualTo("%");
            assertThat(d.limit()).isEqualTo(35.0);
            assertThat(d.measured()).isEqualTo(35.2);
        });
        // Res 0762 (k table, 3.5 m-1): 77.7 % is 3.49 m-1 and passes; 77.8 % is 3.5002 m-1 and fails.
        assertThat(Docs.heavyDiesel().set("measurements.opacity.unit", "percent")
                .setJson("measurements.opacity.sets", "[[77.7, 77.7, 77.7]]").score().verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(Docs.heavyDiesel().set("measurements.opacity.unit", "percent")
                .setJson("measurements.opacity.sets", "[[77.8, 77.8, 77.8]]").score().verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void excessiveZeroDriftInvalidatesTheOpacityTest() {
        assertThat(Docs.heavyDiesel().set("measurements.opacity.zeroDriftK", 0.15).score().verdict()).isEqualTo(Verdict.APPROVED);
        ScoreResult r = Docs.heavyDiesel().set("measurements.opacity.zeroDriftK", 0.16).score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).singleElement().satisfies(i -> assertThat(i.reason()).contains("zero drift"));
    }

    @Test
    void dieselNeedsDisplacementUnderRes0762() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Docs.heavyDiesel().remove("vehicle.displacementCc").score())
                .hasMessageStartingWith("vehicle.displacementCc: required field is missing");
    }

    @Test
    void motorcycleDilutionRaisesTheMotorcycleEmissionCode() {
        ScoreResult r = Docs.motorcycle().set("measurements.gas.idle.o2Pct", 8.0).score();
        assertThat(emissionDefects(r)).extracting(Defect::code).containsExactly("1.2.5.8.1");
    }
}
