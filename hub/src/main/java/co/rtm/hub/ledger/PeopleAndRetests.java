package co.rtm.hub.ledger;

import co.rtm.hub.store.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@link InspectorRule} and {@link RetestRules} judge, in the ledger's transaction, and applies them in
 * that order after the operating rules. A batch sees its own earlier results (a second retest in the same group
 * commit is refused).
 */
final class PeopleAndRetests {
    private PeopleAndRetests() {
    }

    /** @param registered whether the centre registered anyone ({@link LaneLimits#peopleRegistered}, already read) */
    static Optional<LedgerDecision> check(Tx tx, Submission s, boolean registered) throws SQLException {
        if (s.type() != ResultType.INSPECTION) {
            return Optional.empty();
        }
        List<LoggedIn> loggedIn = registered ? LaneLogins.loggedIn(tx, s.centerId(), s.stationId(), s.startedAt()) : List.of();
        // the lookup runs only for a named inspector who was not logged in: on the way to a refusal
        Optional<LedgerDecision> decision = InspectorRule.check(s, registered, loggedIn,
                document -> LaneLogins.registration(tx, s.centerId(), document));
        if (decision.isEmpty() && s.retest() != null) {
            decision = RetestRules.check(s, s.retest(), RetestReader.original(tx, s.centerId(), s.retest().originalFur()));
        }
        return decision;
    }

    /** After the result row is inserted: links an accepted retest to its original. */
    static void recorded(Tx tx, long resultId, Submission s) throws SQLException {
        if (s.retest() != null) {
            RetestReader.link(tx, resultId, s.retest().originalFur());
        }
    }
}
