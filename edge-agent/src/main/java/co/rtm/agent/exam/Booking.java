package co.rtm.agent.exam;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.person.DocumentId;

import java.util.Objects;

/** What the candidate (or the reception desk) enters at the terminal: the document, the booked category and turn. */
public record Booking(DocumentId document, LicenceCategory category, Procedure procedure, String turnId) {
    public Booking {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(turnId, "turnId");
    }
}
