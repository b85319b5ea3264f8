package co.rtm.hub.plausibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plausibility rules without a database, on cda-light: brakes 5 s, gas 5 s, opacity 15 s, inspection 600 s. */
class PlausibilityTest {
    private static final StationProfile LIGHT = Profiles.builtIn("cda-light").orElseThrow();
    private static final Instant START = OffsetDateTime.parse("2026-11-17T09:00:00-05:00").toInstant();
    private static final Set<TestKind> MEASURED = Set.of(TestKind.BRAKES, TestKind.GAS, TestKind.LIGHTS);

    private static Optional<String> code(InspectionFacts f) {
        return Plausibility.check(LIGHT, f).map(Plausibility.Finding::code);
    }

    private static InspectionFacts lasting(long seconds) {
        return new InspectionFacts(START, START.plusSeconds(seconds), MEASURED, Set.of(), null);
    }

    /** An instrumented lane's series: brakes and gas of the given lengths, a 2 s lights test, started 10 min before. */
    private static InspectionFacts instrumented(long brakesMs, long gasMs, Set<TestKind> invalid) {
        return instrumented(600, brakesMs, gasMs, invalid);
    }

    private static InspectionFacts instrumented(long toInstruments, long brakesMs, long gasMs, Set<TestKind> invalid) {
        Evidence e = EvidenceReader.read(new SeriesText()
                .identity("brakes", 1, "Sim FR BR1").readings("brakes", 20, brakesMs, 100)
                .identity("gas", 1, "Sim AG GA1").readings("gas", 20, gasMs, 10)
                .readings("lights", 2, 2_000, 20)
                .evidence());
        return new InspectionFacts(START, START.plusSeconds(toInstruments), MEASURED, invalid, e);
    }

    @Test
    void anInspectionWithoutEvidenceMustLastItsProfilesMinimum() {
        assertThat(code(lasting(599))).contains("TOO_SHORT_INSPECTION");
        assertThat(code(lasting(600))).isEmpty();
        assertThat(code(lasting(-60))).contains("TOO_SHORT_INSPECTION");
        assertThat(Plausibility.check(LIGHT, lasting(599)).orElseThrow().detail())
                .contains("lasts 599 s", "cda-light@1 requires at least 600 s");
    }

    @Test
    void eachInstrumentTestMustLastItsMinimumOneSecondUnderIsRefused() {
        assertThat(code(instrumented(4_999, 20_000, Set.of()))).contains("TOO_SHORT_TEST");
        assertThat(code(instrumented(5_000, 20_000, Set.of()))).isEmpty();
        assertThat(code(instrumented(20_000, 4_000, Set.of()))).contains("TOO_SHORT_TEST");
        assertThat(Plausibility.check(LIGHT, instrumented(4_000, 20_000, Set.of())).orElseThrow().detail())
                .contains("brakes series lasts 4 s", "at least 5 s");
        // a test the lane declared invalid (aborted, instrument fault) may be cut short
        assertThat(code(instrumented(1_000, 20_000, Set.of(TestKind.BRAKES)))).isEmpty();
    }

    @Test
    void theInstrumentSeriesCountTowardsTheInspectionWhoseTestedAtIsWhenTheyBegan() {
        // 540 s from start to the instruments + 5 + 53 + 2 s of series = 600 s
        assertThat(code(instrumented(540, 5_000, 53_000, Set.of()))).isEmpty();
        assertThat(code(instrumented(540, 5_000, 52_999, Set.of()))).contains("TOO_SHORT_INSPECTION");
    }

    @Test
    void aMeasuredTestWithoutItsSeriesInTheEvidenceLastsZeroSeconds() {
        Evidence lightsOnly = EvidenceReader.read(new SeriesText().readings("lights", 2, 2_000, 20).evidence());
        assertThat(code(new InspectionFacts(START, START.plusSeconds(900), MEASURED, Set.of(), lightsOnly)))
                .contains("TOO_SHORT_TEST");
    }

    @Test
    void anInstrumentWhoseVerificationWasDueTheDayBeforeRefusesTheDueDayItselfIsValid() {
        InspectionFacts base = instrumented(5_000, 20_000, Set.of());
        // 2026-11-17 09:00 Bogotá is 14:00 UTC: the Bogotá date is what counts
        Evidence dayBefore = withInstrument("2026-11-16");
        Evidence sameDay = withInstrument("2026-11-17");
        assertThat(code(new InspectionFacts(START, base.testedAt(), MEASURED, Set.of(), dayBefore))).contains("CALIBRATION_EXPIRED");
        assertThat(code(new InspectionFacts(START, base.testedAt(), MEASURED, Set.of(), sameDay))).isEmpty();
        assertThat(code(new InspectionFacts(START, base.testedAt(), MEASURED, Set.of(TestKind.GAS), dayBefore))).isEmpty();
        assertThat(Plausibility.check(LIGHT, new InspectionFacts(START, base.testedAt(), MEASURED, Set.of(), dayBefore))
                .orElseThrow().detail()).contains("gas was measured with instrument GA1", "due 2026-11-16", "2026-11-17");
        // a late-evening start in Bogotá is already the next day in UTC: still the 17th
        Instant evening = OffsetDateTime.parse("2026-11-16T20:00:00-05:00").toInstant();
        assertThat(code(new InspectionFacts(evening, evening.plusSeconds(3600), MEASURED, Set.of(), dayBefore))).isEmpty();
    }

    private static Evidence withInstrument(String due) {
        return EvidenceReader.read(new SeriesText()
                .readings("brakes", 20, 5_000, 100).readings("gas", 20, 20_000, 10).readings("lights", 2, 2_000, 20)
                .instrument("gas", "GA1", due).instrument("brakes", "BR1", "2027-01-01")
                .evidence());
    }

    @Test
    void theFingerprintIgnoresTheInstrumentsIdentityAndTheLaneAndNeedsEnoughReadings() {
        Evidence a = EvidenceReader.read(new SeriesText().identity("brakes", 1, "Sim FR BR1").lane(3)
                .readings("brakes", 8, 8_000, 100).readings("lights", 7, 2_000, 20).evidence());
        Evidence b = EvidenceReader.read(new SeriesText().identity("brakes", 2, "Other FR BR9")
                .readings("brakes", 8, 8_000, 100).evidence());
        Evidence c = EvidenceReader.read(new SeriesText().readings("brakes", 8, 8_000, 101).evidence());
        assertThat(a.series().get("brakes").sha256()).hasSize(64).isEqualTo(b.series().get("brakes").sha256())
                .isNotEqualTo(c.series().get("brakes").sha256());
        assertThat(a.series().get("lights").sha256()).isNull();
        assertThat(a.series()).doesNotContainKey("lane");
        assertThat(a.series().get("brakes").durationMs()).isEqualTo(8_000);
    }

    @Test
    void evidenceThatCannotBeReadNamesTheField() {
        ObjectNode bad = (ObjectNode) new SeriesText().evidence();
        bad.put("samples", "not base64 !");
        assertThatThrownBy(() -> EvidenceReader.read(bad)).hasMessage("evidence.samples: not base64");
        bad.put("samples", SeriesText.gzip("{\"t\":\"brakes\"}\n"));
        assertThatThrownBy(() -> EvidenceReader.read(bad)).hasMessage("evidence.samples line 1: needs t and ms");
        ObjectNode badDate = (ObjectNode) new SeriesText().instrument("gas", "GA1", "soon").evidence();
        assertThatThrownBy(() -> EvidenceReader.read(badDate)).hasMessageContaining("evidence.instruments[0].verificationDue");
    }
}
