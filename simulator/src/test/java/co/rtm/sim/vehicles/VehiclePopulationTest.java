package co.rtm.sim.vehicles;

import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class VehiclePopulationTest {
    private static final Scorer SCORER = Scorer.builtIn();
    private static final ScoringInputReader READER = new ScoringInputReader(SCORER.rules().catalogue()::contains);
    private static final int N = 10_000;

    @Test
    void aboutAQuarterOfTenThousandVehiclesAreRejectedAndFewAreIncomplete() {
        List<String> docs = VehiclePopulation.overDay(20261120L, LocalDate.of(2026, 11, 20)).nextJson(N);
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<VehicleKind, Integer> kinds = new EnumMap<>(VehicleKind.class);
        Map<String, Integer> defects = new TreeMap<>();
        Map<String, Integer> invalid = new TreeMap<>();
        for (String doc : docs) {
            ScoringInput in = READER.read(doc);   // throws, failing the test, on any invalid document
            ScoreResult r = SCORER.score(in);
            verdicts.merge(r.verdict(), 1, Integer::sum);
            kinds.merge(in.vehicle().kind(), 1, Integer::sum);
            r.defects().forEach(d -> defects.merge(d.code(), 1, Integer::sum));
            r.invalid().forEach(i -> invalid.merge(i.test().json(), 1, Integer::sum));
        }
        System.out.printf("verdicts %s%nkinds %s%ndefects %s%ninvalid %s%n", verdicts, kinds, defects, invalid);

        assertThat(share(verdicts.getOrDefault(Verdict.REJECTED, 0))).isBetween(0.18, 0.32);
        assertThat(share(verdicts.getOrDefault(Verdict.INCOMPLETE, 0))).isBetween(0.0, 0.03);
        assertThat(share(kinds.get(VehicleKind.LIGHT))).isBetween(0.50, 0.60);
        assertThat(share(kinds.get(VehicleKind.MOTORCYCLE))).isBetween(0.30, 0.40);
        assertThat(share(kinds.get(VehicleKind.HEAVY))).isBetween(0.03, 0.07);
        assertThat(share(kinds.get(VehicleKind.MOTOCARRO))).isBetween(0.03, 0.07);
    }

    @Test
    void theSameSeedGivesTheSameDocumentsAndAnotherSeedOthers() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:15:00-05:00");
        List<String> first = VehiclePopulation.testedAt(7, at).nextJson(500);
        assertThat(VehiclePopulation.testedAt(7, at).nextJson(500)).isEqualTo(first);
        assertThat(VehiclePopulation.testedAt(8, at).nextJson(500)).isNotEqualTo(first);
        assertThat(VehiclePopulation.overDay(7, at.toLocalDate()).nextJson(500))
                .isEqualTo(VehiclePopulation.overDay(7, at.toLocalDate()).nextJson(500));
    }

    @Test
    void platesFollowTheColombianFormatOfEachKind() {
        for (String doc : VehiclePopulation.testedAt(3, OffsetDateTime.parse("2026-11-20T10:15:00-05:00")).nextJson(2_000)) {
            ScoringInput in = READER.read(doc);
            String expected = switch (in.vehicle().kind()) {
                case LIGHT, HEAVY -> "[A-Z]{3}[0-9]{3}";
                case MOTORCYCLE -> "[A-Z]{3}[0-9]{2}[A-Z]";
                case MOTOCARRO -> "[0-9]{3}[A-Z]{3}";
            };
            assertThat(in.vehicle().plate()).matches(expected);
            assertThat(in.vehicle().modelYear()).isBetween(1975, 2027);
        }
    }

    @Test
    void documentsBeforeTheRegimeChangeAreScoredUnderResolution910() {
        for (String doc : VehiclePopulation.overDay(5, LocalDate.of(2019, 6, 3)).nextJson(2_000)) {
            ScoreResult r = SCORER.score(READER.read(doc));
            assertThat(r.emissionRegime()).isIn("RES_910_2008", null);
        }
    }

    private static double share(int count) {
        return (double) count / N;
    }
}
