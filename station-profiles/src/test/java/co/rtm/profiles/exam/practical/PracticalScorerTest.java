package co.rtm.profiles.exam.practical;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.PracticalRules;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.rules.RuleFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PracticalScorerTest {
    private static final PracticalRules RULES = Profiles.builtIn("cale-practical").orElseThrow().practical();
    private static final FaultCatalogue CATALOGUE = FaultCatalogue.builtIn();
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T09:00:00-05:00");

    /** Non-eliminatory faults from the catalogue whose weights add up to exactly {@code points}. */
    static List<RecordedFault> faultsWorth(FaultCatalogue c, int points) {
        List<Fault> usable = c.faults().stream().filter(f -> f.severity() != Severity.ELIMINATORIA && f.weight() > 0)
                .sorted((a, b) -> b.weight() - a.weight()).toList();
        List<RecordedFault> out = new ArrayList<>();
        int left = points;
        for (Fault f : usable) {
            while (f.weight() <= left) {
                out.add(new RecordedFault(f.code(), T.plusMinutes(out.size())));
                left -= f.weight();
            }
        }
        if (left != 0) throw new IllegalStateException("cannot make " + points + " points from the catalogue");
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = LicenceCategory.class, names = {"B1", "B2", "B3"})
    void privateNonMotorcyclePassesAt75NotAt74(LicenceCategory c) {
        PracticalScorer s = new PracticalScorer(RULES, CATALOGUE);
        PracticalResult at75 = s.score(c, faultsWorth(CATALOGUE, 25));
        assertThat(at75.percent()).isEqualTo(75.0);
        assertThat(at75.verdict()).isEqualTo(ExamVerdict.APPROVED);
        PracticalResult at74 = s.score(c, faultsWorth(CATALOGUE, 26));
        assertThat(at74.points()).isEqualTo(74);
        assertThat(at74.verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = LicenceCategory.class, names = {"A1", "A2", "C1", "C2", "C3"})
    void motorcyclesAndPublicServicePassAt80NotAt79NorAt75(LicenceCategory c) {
        PracticalScorer s = new PracticalScorer(RULES, CATALOGUE);
        assertThat(s.score(c, faultsWorth(CATALOGUE, 20)).verdict()).isEqualTo(ExamVerdict.APPROVED);
        assertThat(s.score(c, faultsWorth(CATALOGUE, 21)).verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
        assertThat(s.score(c, faultsWorth(CATALOGUE, 25)).verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
    }

    @Test
    void oneEliminatoryFaultFailsAtOnceWhenTheCatalogueSaysSo() {
        Fault elim = CATALOGUE.faults().stream().filter(f -> f.severity() == Severity.ELIMINATORIA && f.weight() <= 25).findFirst().orElseThrow();
        List<RecordedFault> one = List.of(new RecordedFault(elim.code(), T));
        PracticalResult r = new PracticalScorer(RULES, CATALOGUE).score(LicenceCategory.B1, one);
        assertThat(r.points()).isGreaterThanOrEqualTo(75); // enough points, still failed
        assertThat(r.verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
        assertThat(r.eliminatory()).containsExactly(elim.code());

        FaultCatalogue lenient = new FaultCatalogue("lenient", 1, CATALOGUE.maxPoints(), false, CATALOGUE.faults());
        assertThat(new PracticalScorer(RULES, lenient).score(LicenceCategory.B1, one).verdict()).isEqualTo(ExamVerdict.APPROVED);
    }

    @Test
    void noFaultsIs100PercentAndPointsNeverGoBelowZero() {
        PracticalScorer s = new PracticalScorer(RULES, CATALOGUE);
        assertThat(s.score(LicenceCategory.C3, List.of()).percent()).isEqualTo(100.0);
        List<RecordedFault> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) many.add(new RecordedFault("VP-09", T));
        assertThat(s.score(LicenceCategory.B1, many).points()).isZero();
        assertThatThrownBy(() -> s.score(LicenceCategory.B1, List.of(new RecordedFault("XX-99", T)))).hasMessageContaining("XX-99 is not in catalogue");
    }

    @Test
    void theCatalogueFileIsCheckedWithFileLineAndField() {
        assertThat(CATALOGUE.ref()).isEqualTo("faltas-practico@1");
        assertThat(CATALOGUE.faults()).extracting(Fault::severity).contains(Severity.LEVE, Severity.GRAVE, Severity.ELIMINATORIA);
        String dup = "id: x1\nversion: 1\nmaxPoints: 100\neliminatoryFailsAtOnce: true\nfaults:\n"
                + "  - {code: DE-01, part: DESTREZA, severity: LEVE, weight: 2, description: \"a\"}\n"
                + "  - {code: DE-01, part: DESTREZA, severity: GRAVE, weight: 8, description: \"b\"}\n";
        assertThatThrownBy(() -> FaultCatalogue.load("x1.yaml", dup)).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("x1.yaml").hasMessageContaining("DE-01 appears twice");
        String badSeverity = "id: x1\nversion: 1\nmaxPoints: 100\neliminatoryFailsAtOnce: true\nfaults:\n"
                + "  - {code: DE-01, part: DESTREZA, severity: MEDIA, weight: 2, description: \"a\"}\n";
        assertThatThrownBy(() -> FaultCatalogue.load("x1.yaml", badSeverity)).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("x1.yaml:6").hasMessageContaining("severity");
    }
}
