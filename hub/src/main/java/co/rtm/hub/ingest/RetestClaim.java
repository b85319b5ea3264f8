package co.rtm.hub.ingest;

import co.rtm.hub.ledger.RetestRequest;
import co.rtm.profiles.inspection.DeclaredInvalid;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.scoring.InvalidTest;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads what an inspection message's {@code retestOfFur} claims (art. 3.3.5.3): the original's FUR number (the
 * decimal number the hub acked it with) and the tests this retest performed validly, from the scored document. Pure.
 */
final class RetestClaim {
    private RetestClaim() {
    }

    static RetestRequest of(String retestOfFur, JsonNode input, ScoringInput read, ScoreResult rescored) throws RefusedException {
        long fur;
        try {
            fur = Long.parseLong(retestOfFur.strip());
        } catch (NumberFormatException e) {
            fur = 0;
        }
        if (fur < 1 || !retestOfFur.strip().chars().allMatch(Character::isDigit)) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD,
                    "retestOfFur: the original's FUR number (1 or more), not '" + retestOfFur + "'");
        }
        Set<TestKind> performed = EnumSet.noneOf(TestKind.class);
        JsonNode measurements = input.path("measurements");
        for (TestKind t : TestKind.values()) {
            if (t != TestKind.SENSORY && measurements.has(t.json())) {
                performed.add(t);
            }
        }
        performed.add(TestKind.SENSORY);
        for (DeclaredInvalid d : read.invalidTests()) {
            performed.remove(d.test());
        }
        for (InvalidTest t : rescored.invalid()) {
            performed.remove(t.test());
        }
        return new RetestRequest(fur, performed);
    }
}
