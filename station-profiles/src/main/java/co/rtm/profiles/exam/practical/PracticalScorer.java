package co.rtm.profiles.exam.practical;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.PracticalRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a practical exam: {@code maxPoints} minus the weights of the recorded faults (not below 0), as a percentage;
 * pass at the category's percentage in {@link PracticalRules} (75 % private non-motorcycle B1-B3, 80 % motorcycles and
 * public service A1, A2, C1-C3; art. 3.7.3.2.3, seed line 2619). If the catalogue says so, one ELIMINATORIA fault
 * fails the exam at once. The comparison is exact (decimal), so 75 of 100 passes at 75 %.
 */
public final class PracticalScorer {
    private final PracticalRules rules;
    private final FaultCatalogue catalogue;

    public PracticalScorer(PracticalRules rules, FaultCatalogue catalogue) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** @throws IllegalArgumentException for a fault code the catalogue does not have, or a category without a pass mark */
    public PracticalResult score(LicenceCategory category, List<RecordedFault> faults) {
        Double pass = rules.passPctByCategory().get(category.key());
        if (pass == null) throw new IllegalArgumentException("no practical pass percentage for category " + category);
        int deducted = 0;
        List<String> eliminatory = new ArrayList<>();
        for (RecordedFault r : faults) {
            Fault f = catalogue.fault(r.code()).orElseThrow(() -> new IllegalArgumentException("fault " + r.code() + " is not in catalogue " + catalogue.ref()));
            deducted += f.weight();
            if (f.severity() == Severity.ELIMINATORIA) eliminatory.add(f.code());
        }
        int points = Math.max(0, catalogue.maxPoints() - deducted);
        boolean enough = BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(pass).multiply(BigDecimal.valueOf(catalogue.maxPoints()))) >= 0;
        boolean failedAtOnce = catalogue.eliminatoryFailsAtOnce() && !eliminatory.isEmpty();
        ExamVerdict v = enough && !failedAtOnce ? ExamVerdict.APPROVED : ExamVerdict.NOT_APPROVED;
        return new PracticalResult(points, catalogue.maxPoints(), pass, v, eliminatory);
    }
}
