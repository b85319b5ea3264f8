package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberingTest {
    private static final Series FUR = Series.fur("CDA-1");
    private static final Series RTM = Series.certificate(CertificateKind.RTM);
    private static final Series CALE = Series.certificate(CertificateKind.CALE);

    @Test
    void approvedInspectionTakesNextFurAndNextRtmCertificate() {
        Assignment a = Numbering.assign(ResultType.INSPECTION, Verdict.APPROVED, "CDA-1", Map.of(FUR, 41L, RTM, 7L));
        assertThat(a).isEqualTo(new Assignment(41L, CertificateKind.RTM, 7L, Map.of(FUR, 42L, RTM, 8L)));
    }

    @Test
    void rejectedInspectionTakesFurOnly() {
        Assignment a = Numbering.assign(ResultType.INSPECTION, Verdict.REJECTED, "CDA-1", Map.of(FUR, 3L, RTM, 9L));
        assertThat(a).isEqualTo(new Assignment(3L, null, null, Map.of(FUR, 4L)));
        assertThat(Numbering.seriesFor(ResultType.INSPECTION, Verdict.REJECTED, "CDA-1")).containsExactly(FUR);
    }

    @Test
    void incompleteAndRejectedExamTakeNothing() {
        assertThat(Numbering.seriesFor(ResultType.INSPECTION, Verdict.INCOMPLETE, "CDA-1")).isEmpty();
        assertThat(Numbering.seriesFor(ResultType.EXAM, Verdict.REJECTED, "CALE-1")).isEmpty();
        assertThat(Numbering.assign(ResultType.EXAM, Verdict.INCOMPLETE, "CALE-1", Map.of()))
                .isEqualTo(new Assignment(null, null, null, Map.of()));
    }

    @Test
    void approvedExamTakesCaleCertificateAndNoFur() {
        assertThat(Numbering.seriesFor(ResultType.EXAM, Verdict.APPROVED, "CALE-1")).containsExactly(CALE);
        assertThat(Numbering.assign(ResultType.EXAM, Verdict.APPROVED, "CALE-1", Map.of()))
                .isEqualTo(new Assignment(null, CertificateKind.CALE, 1L, Map.of(CALE, 2L)));
    }

    @Test
    void furIsLockedBeforeTheCertificate() {
        assertThat(Numbering.seriesFor(ResultType.INSPECTION, Verdict.APPROVED, "CDA-1")).containsExactly(FUR, RTM);
    }

    @Test
    void aCounterBelowOneIsAnError() {
        assertThatThrownBy(() -> Numbering.assign(ResultType.INSPECTION, Verdict.REJECTED, "CDA-1", Map.of(FUR, 0L)))
                .isInstanceOf(IllegalStateException.class);
    }
}
