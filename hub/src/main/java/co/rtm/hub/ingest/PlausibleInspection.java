package co.rtm.hub.ingest;

import co.rtm.hub.ledger.SeriesPrint;
import co.rtm.hub.plausibility.Evidence;
import co.rtm.hub.plausibility.EvidenceReader;
import co.rtm.hub.plausibility.InspectionFacts;
import co.rtm.hub.plausibility.Plausibility;
import co.rtm.profiles.inspection.DeclaredInvalid;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.RejectReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adapts an inspection message to the pure {@link Plausibility} rules, and its evidence to the series fingerprints
 * the ledger compares across plates. The checks that need the database run later, in the ledger's transaction.
 */
final class PlausibleInspection {
    private PlausibleInspection() {
    }

    /** The message's evidence, read; null when it has none. */
    static Evidence evidence(InspectionMessage m) throws RefusedException {
        if (m.evidence() == null) {
            return null;
        }
        try {
            return EvidenceReader.read(m.evidence());
        } catch (IllegalArgumentException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, e.getMessage());
        }
    }

    static void check(StationProfile profile, InspectionMessage m, ScoringInput input, Evidence evidence)
            throws RefusedException {
        Set<TestKind> measured = EnumSet.noneOf(TestKind.class);
        for (Iterator<String> names = m.input().path("measurements").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            try {
                measured.add(TestKind.fromJson(name));
            } catch (IllegalArgumentException e) {
                // not a test: the scoring reader has judged the document already
            }
        }
        Set<TestKind> invalid = input.invalidTests().stream().map(DeclaredInvalid::test).collect(Collectors.toSet());
        Optional<Plausibility.Finding> finding = Plausibility.check(profile, new InspectionFacts(m.startedAt().toInstant(),
                input.testedAt().toInstant(), measured, invalid, evidence));
        if (finding.isPresent()) {
            throw new RefusedException(RejectReason.valueOf(finding.get().code()), finding.get().detail());
        }
    }

    static List<SeriesPrint> prints(Evidence evidence) {
        List<SeriesPrint> out = new ArrayList<>();
        if (evidence != null) {
            evidence.series().forEach((test, s) -> {
                if (s.sha256() != null) {
                    out.add(new SeriesPrint(test, s.sha256()));
                }
            });
        }
        out.sort(java.util.Comparator.comparing(SeriesPrint::test));
        return out;
    }
}
