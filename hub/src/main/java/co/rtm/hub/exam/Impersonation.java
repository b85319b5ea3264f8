package co.rtm.hub.exam;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.hub.supervision.Alerts;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.StationEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Impersonation (DESIGN §6): a CALE station's 1:N search against its civil-registry replica found the fingerprint it
 * just captured enrolled under another document number, and reported it as a signed {@link EventType#IMPERSONATION}
 * event. The hub raises an alert of kind {@code IMPERSONATION} (high severity: the alerts table has no severity column,
 * so the kind is what marks it) naming both document numbers, the station and when it was captured.
 */
public final class Impersonation {
    private Impersonation() {
    }

    /** @throws IllegalArgumentException if an IMPERSONATION event lacks what the alert needs */
    public static void check(StationEvent event) {
        if (event.type() != EventType.IMPERSONATION) {
            return;
        }
        DocumentId presented = document(event, "presentedDocument");
        DocumentId enrolled = document(event, "enrolledDocument");
        if (presented.equals(enrolled)) {
            throw new IllegalArgumentException("IMPERSONATION event: presentedDocument and enrolledDocument are both " + presented);
        }
        capturedAt(event);
    }

    /** Raises the alert for a newly recorded IMPERSONATION event (checked by {@link #check}); nothing for other events. */
    public static void alertIn(Tx tx, StationEvent event, Instant now) throws SQLException {
        if (event.type() != EventType.IMPERSONATION) {
            return;
        }
        String detail = "HIGH: fingerprint captured at " + capturedAt(event) + " on station " + event.stationId() + " of "
                + event.centerId() + " for document " + document(event, "presentedDocument")
                + " is enrolled under document " + document(event, "enrolledDocument") + " (event " + event.messageId() + ")";
        Alerts.raiseIn(tx, Timestamps.truncate(now), ExamReasons.IMPERSONATION, event.centerId(), event.stationId(), detail, null);
    }

    private static DocumentId document(StationEvent event, String key) {
        Object v = event.detail().get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("IMPERSONATION event: detail." + key + " (TYPE-NUMBER) is required");
        }
        return DocumentId.parse(s);
    }

    private static OffsetDateTime capturedAt(StationEvent event) {
        Object v = event.detail().get("capturedAt");
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("IMPERSONATION event: detail.capturedAt (ISO date-time) is required");
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("IMPERSONATION event: detail.capturedAt is not an ISO date-time: " + s);
        }
    }
}
