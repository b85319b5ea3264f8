package co.rtm.hub.ledger;

import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.PersonRole;
import java.time.Instant;

/**
 * A document logged in on a lane at some instant: its last login event at or before then, with no later logout
 * before it. {@code role} and {@code active} are what the centre registered for that document; both null when it
 * registered nobody with it.
 */
public record LoggedIn(DocumentId document, Instant since, PersonRole role, Boolean active) {
    boolean isActiveInspector() {
        return role == PersonRole.INSPECTOR && Boolean.TRUE.equals(active);
    }

    String describe() {
        String who = role == null ? "not registered at the centre"
                : Boolean.TRUE.equals(active) ? "a " + role.cliName() : "a deactivated " + role.cliName();
        return document + " since " + since + " (" + who + ")";
    }
}
