package co.rtm.hub.ledger;

import co.rtm.hub.registry.PersonRole;
import co.rtm.profiles.person.DocumentId;
import java.sql.SQLException;
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
 *
 * <p>Beyond someone being logged in, each inspector the message names ({@code inspectors}, identity documents) must
 * be a registered, active person of the centre ({@code INSPECTOR_NOT_REGISTERED}: unknown there, deactivated, or not
 * a document) and logged in on the lane at the start ({@code INSPECTOR_NOT_LOGGED_IN}), so a lane cannot sign an
 * inspection in the name of someone who was not at it.
 */
public final class InspectorRule {
    private InspectorRule() {
    }

    /** What the centre registered for a document: its role and whether it is active. */
    public record Registration(PersonRole role, boolean active) {
    }

    /** The centre's registration of one document, looked up only for a named inspector who was not logged in. */
    @FunctionalInterface
    public interface Registrations {
        Optional<Registration> find(DocumentId document) throws SQLException;
    }

    /**
     * @param peopleRegistered whether the submission's centre registered at least one person
     * @param loggedIn         the documents logged in on the submission's lane at its {@code startedAt}
     * @param registrations    the centre's registration of a document
     */
    public static Optional<LedgerDecision> check(Submission s, boolean peopleRegistered, List<LoggedIn> loggedIn,
                                                 Registrations registrations) throws SQLException {
        if (!peopleRegistered || s.type() != ResultType.INSPECTION) {
            return Optional.empty();
        }
        if (loggedIn.stream().noneMatch(LoggedIn::isActiveInspector)) {
            String who = loggedIn.isEmpty() ? "nobody was logged in"
                    : "logged in: " + loggedIn.stream().map(LoggedIn::describe).collect(Collectors.joining("; "));
            return Optional.of(new LedgerDecision.Refuse(RefusalReasons.NO_INSPECTOR_LOGGED_IN, "no registered active"
                    + " inspector of centre " + s.centerId() + " was logged in on lane " + s.stationId() + " at "
                    + s.startedAt() + "; " + who));
        }
        for (String named : s.inspectors()) {
            Optional<LedgerDecision> refused = named(s, named, loggedIn, registrations);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** Every inspector the message names must be a registered active person of the centre, logged in on the lane. */
    private static Optional<LedgerDecision> named(Submission s, String named, List<LoggedIn> loggedIn,
                                                  Registrations registrations) throws SQLException {
        DocumentId document;
        try {
            document = DocumentId.parse(named);
        } catch (IllegalArgumentException e) {
            return notRegistered(s, named, "is not an identity document (" + e.getMessage() + ")");
        }
        Optional<LoggedIn> in = loggedIn.stream().filter(l -> l.document().equals(document)).findFirst();
        Optional<Registration> registration = in.isPresent()
                ? Optional.ofNullable(in.get().role()).map(role -> new Registration(role, Boolean.TRUE.equals(in.get().active())))
                : registrations.find(document);
        if (registration.isEmpty()) {
            return notRegistered(s, named, "is not registered at centre " + s.centerId());
        }
        if (!registration.get().active()) {
            return notRegistered(s, named, "was deactivated at centre " + s.centerId());
        }
        if (in.isEmpty()) {
            return Optional.of(new LedgerDecision.Refuse(RefusalReasons.INSPECTOR_NOT_LOGGED_IN, "inspector " + document
                    + " named by the inspection was not logged in on lane " + s.stationId() + " at " + s.startedAt()));
        }
        return Optional.empty();
    }

    private static Optional<LedgerDecision> notRegistered(Submission s, String named, String why) {
        return Optional.of(new LedgerDecision.Refuse(RefusalReasons.INSPECTOR_NOT_REGISTERED, "inspector '" + named
                + "' named by the inspection " + why));
    }
}
