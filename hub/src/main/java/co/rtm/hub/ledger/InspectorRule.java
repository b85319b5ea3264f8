package co.rtm.hub.ledger;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An inspection needs a registered, active inspector of its centre logged in on its lane when it started: the lane
 * matches the fingerprint and publishes the login, the hub judges it against the people the centre registered.
 * Without I/O.
 *
 * <p>Backward compatible the way the operating rules are: a centre that registered nobody (no row in
 * {@code people}, active or not) is not checked, so hubs, demos and loads that never register people keep working;
 * the first {@code hub add-person} at a centre turns the rule on for all its lanes. A deactivated person still
 * counts as "registered": deactivating everyone does not switch the rule off.
 */
public final class InspectorRule {
    private InspectorRule() {
    }

    /**
     * @param peopleRegistered whether the submission's centre registered at least one person
     * @param loggedIn         the documents logged in on the submission's lane at its {@code startedAt}
     */
    public static Optional<LedgerDecision> check(Submission s, boolean peopleRegistered, List<LoggedIn> loggedIn) {
        if (!peopleRegistered || s.type() != ResultType.INSPECTION) {
            return Optional.empty();
        }
        if (loggedIn.stream().anyMatch(LoggedIn::isActiveInspector)) {
            return Optional.empty();
        }
        String who = loggedIn.isEmpty() ? "nobody was logged in"
                : "logged in: " + loggedIn.stream().map(LoggedIn::describe).collect(Collectors.joining("; "));
        return Optional.of(new LedgerDecision.Refuse(RefusalReasons.NO_INSPECTOR_LOGGED_IN, "no registered active"
                + " inspector of centre " + s.centerId() + " was logged in on lane " + s.stationId() + " at "
                + s.startedAt() + "; " + who));
    }
}
