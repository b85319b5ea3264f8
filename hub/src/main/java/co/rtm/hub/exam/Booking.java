package co.rtm.hub.exam;

import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A booked turn at a CALE: the candidate, the exam (part, category, procedure), when it starts, and whether it was
 * booked as the candidate's one free retake. An exam message names it by {@code turnId}.
 */
public record Booking(String centerId, String turnId, DocumentId candidate, LicenceCategory category, ExamPart part,
                      Procedure procedure, boolean freeRetake, Instant startsAt, Instant bookedAt, String bookedBy) {
    public Booking {
        Ids.requireSafe(centerId, "center");
        Ids.requireSafe(turnId, "turn");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
