package co.rtm.hub.registry;

import co.rtm.profiles.person.DocumentId;
import java.time.Instant;
import java.util.Objects;

/** A person registered at a centre: inspector or technical director, active or deactivated. */
public record Person(String centerId, DocumentId document, String name, PersonRole role, boolean active,
                     Instant updatedAt) {
    public Person {
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public String describe() {
        return role.cliName() + " " + document + " \"" + name + "\" at centre " + centerId;
    }
}
