package co.rtm.hub.ledger;

import co.rtm.profiles.inspection.TestKind;
import java.time.Instant;
import java.util.Set;

/**
 * The stored result a retest names: its plate, verdict, when it was tested (the rejection), the FUR it was itself a
 * retest of (null for a first inspection), the tests its defects came from, and whether a retest of it is already
 * stored.
 */
public record OriginalResult(String centerId, long furNumber, String subject, Verdict verdict, Instant testedAt,
                             Long retestOfFur, Set<TestKind> failedTests, boolean alreadyRetested) {
    public OriginalResult {
        failedTests = Set.copyOf(failedTests);
    }
}
