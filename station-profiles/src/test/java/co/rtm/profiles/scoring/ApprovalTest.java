package co.rtm.profiles.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The NTC 5375 approval rule: one type A, or the type B count for the vehicle, rejects. */
class ApprovalTest {
    /** Eight type B sensory codes of the catalogue. */
    private static final String[] B = {"1.1.1.1.3", "1.1.1.1.7", "1.1.1.1.13", "1.1.1.6.6", "1.1.10.35.3",
            "1.1.10.35.4", "1.1.11.37.9", "1.1.12.38.1"};

    private static Docs withTypeB(Docs d, int count) {
        int sensory = Math.min(count, B.length);
        d.sensory(Arrays.copyOf(B, sensory));
        int mechanised = count - sensory;
        // light car: parking < 18 % (one B), then a 25 % imbalance on axle 2 (another B)
        if (mechanised >= 1) d.brake(1, "parkingLeftN", 500).brake(1, "parkingRightN", 500);
        if (mechanised >= 2) d.brake(1, "serviceRightN", 750);
        return d;
    }

    @ParameterizedTest(name = "{0} {1} with {2} B -> {3}")
    @CsvSource({"light, particular, 9, APPROVED", "light, particular, 10, REJECTED",
                "light, oficial, 9, APPROVED", "light, diplomatico, 10, REJECTED",
                "light, publico, 4, APPROVED", "light, publico, 5, REJECTED",
                "light, ensenanza, 4, APPROVED", "light, ensenanza, 5, REJECTED",
                "motorcycle, particular, 4, APPROVED", "motorcycle, particular, 5, REJECTED",
                "motocarro, particular, 6, APPROVED", "motocarro, particular, 7, REJECTED",
                "motocarro, publico, 6, APPROVED"})
    void typeBCount(String kind, String service, int typeB, Verdict verdict) {
        Docs d = switch (kind) {
            case "light" -> Docs.light();
            case "motorcycle" -> Docs.motorcycle();
            default -> Docs.motocarro();
        };
        ScoreResult r = withTypeB(d.set("vehicle.service", service), typeB).score();
        assertThat(r.typeA()).isZero();
        assertThat(r.typeB()).isEqualTo(typeB);
        assertThat(r.verdict()).isEqualTo(verdict);
    }

    @Test
    void oneTypeARejectsAndIsCounted() {
        ScoreResult r = Docs.light().sensory("7.1.1.1.1").score();
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.typeA()).isEqualTo(1);
        assertThat(r.defects()).singleElement().satisfies(d -> {
            assertThat(d.test().json()).isEqualTo("sensory");
            assertThat(d.measured()).isNull();
        });
    }

    @Test
    void aMissingRequiredTestIsIncompleteNeverApproved() {
        ScoreResult r = Docs.light().remove("measurements.brakes").score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).singleElement().satisfies(i -> {
            assertThat(i.test().json()).isEqualTo("brakes");
            assertThat(i.reason()).contains("cda-light@1");
        });
    }

    @Test
    void aTestTheLaneDeclaredInvalidIsIncompleteWithItsReason() {
        ScoreResult r = Docs.light().remove("measurements.brakes")
                .setJson("invalidTests", "[{\"test\": \"brakes\", \"reason\": \"brake tester: bad checksum x3\"}]").score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).singleElement().satisfies(i -> {
            assertThat(i.test().json()).isEqualTo("brakes");
            assertThat(i.reason()).isEqualTo("brake tester: bad checksum x3");
        });
    }

    @Test
    void aDeclaredInvalidTestStillLetsADefectReject() {
        ScoreResult r = Docs.light().remove("measurements.lights")
                .setJson("invalidTests", "[{\"test\": \"lights\", \"reason\": \"emergency stop\"}]")
                .set("measurements.suspension.wheels.0.adherencePct", 10).score();
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.invalid()).extracting(i -> i.reason()).containsExactly("emergency stop");
    }

    @Test
    void aTestCannotBeBothMeasuredAndDeclaredInvalid() {
        Docs d = Docs.light().setJson("invalidTests", "[{\"test\": \"brakes\", \"reason\": \"fault\"}]");
        org.assertj.core.api.Assertions.assertThatThrownBy(d::score)
                .isInstanceOf(co.rtm.profiles.inspection.InputException.class)
                .hasMessageContaining("invalidTests[0].test").hasMessageContaining("measurements.brakes is present");
    }

    @Test
    void aMissingTestDoesNotHideARejection() {
        ScoreResult r = Docs.light().remove("measurements.brakes").set("measurements.suspension.wheels.0.adherencePct", 10).score();
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.invalid()).hasSize(1);
    }

    @Test
    void aLightVehicleWithoutTheLampSumIsIncomplete() {
        ScoreResult r = Docs.light().remove("measurements.lights.simultaneousSumKlux").score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).singleElement().satisfies(i -> assertThat(i.reason()).contains("simultaneousSumKlux"));
    }

    @Test
    void electricVehiclesSkipEmissionsNoiseAndTheDefectsArt3396Exempts() {
        Docs d = Docs.light().set("vehicle.fuel", "electric").remove("measurements.gas").remove("measurements.noise")
                .sensory("1.1.12.38.1", "1.1.1.1.7");
        ScoreResult r = d.score();
        assertThat(r.verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(r.emissionRegime()).isNull();
        assertThat(r.invalid()).isEmpty();
        // the oil leak is waived (art. 3.3.9.6 num. 4); body corrosion still counts
        assertThat(r.defects()).extracting(Defect::code).containsExactly("1.1.1.1.7");
        // a gas reading sent anyway is not judged
        assertThat(Docs.light().set("vehicle.fuel", "electric").remove("measurements.noise")
                .set("measurements.gas.idle.coPct", 9.0).score().verdict()).isEqualTo(Verdict.APPROVED);
    }

    @Test
    void dieselVehiclesNeedOpacityNotGas() {
        ScoreResult r = Docs.light().set("vehicle.fuel", "diesel").score();
        assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.invalid()).extracting(i -> i.test().json()).containsExactly("opacity");
    }
}
