package co.rtm.hub.ledger;

import co.rtm.profiles.inspection.TestKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a retest claims (art. 3.3.5.3): the FUR number of the original at the same centre, and the tests the retest
 * performed validly. {@code performed} holds a measured test when its block is in {@code measurements} and the
 * scorer did not report it invalid, and {@link TestKind#SENSORY} when the sensory review was not declared invalid:
 * the scoring document lists only the sensory defects found, so a review that found nothing looks like an empty
 * list and "full sensory review" can only mean "not declared incomplete" (the lane signs for it).
 */
public record RetestRequest(long originalFur, Set<TestKind> performed) {
    public RetestRequest {
        if (originalFur < 1) {
            throw new IllegalArgumentException("a FUR number is 1 or more: " + originalFur);
        }
        performed = performed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(performed));
    }
}
