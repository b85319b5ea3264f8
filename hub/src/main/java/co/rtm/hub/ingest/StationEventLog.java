package co.rtm.hub.ingest;

import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.ledger.LaneLogins;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.LoginEvents;
import java.time.Instant;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.SQLException;
import co.rtm.profiles.wire.StationEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import co.rtm.hub.supervision.Alerts;

/**
 * Station events (boot, login, calibration, fault...) recorded in the audit log, one entry per
 * messageId: a resent event is recognised and not recorded twice. Minimal until the registry keeps
 * calibrations and sessions in tables of their own.
 */
final class StationEventLog {
    static final String AUDIT_EVENT = "STATION_EVENT";

    private final Database db;
    private final Clock clock;

    StationEventLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return false if an event with this messageId was already recorded */
    boolean record(StationEvent event, int keyVersion, byte[] envelope) {
        return db.inTransaction(tx -> recordIn(tx, event, keyVersion, envelope));
    }

    /** {@link #record} inside a transaction the caller owns. */
    boolean recordIn(Tx tx, StationEvent event, int keyVersion, byte[] envelope) throws SQLException {
        String subject = event.messageId().toString();
        {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT 1 FROM audit_log WHERE kind = ? AND subject = ?")) {
                ps.setString(1, AUDIT_EVENT);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("centerId", event.centerId());
            detail.put("stationId", event.stationId());
            detail.put("keyVersion", keyVersion);
            detail.put("seq", event.seq());
            detail.put("type", event.type().name());
            detail.put("createdAt", event.createdAt().toString());
            detail.put("envelopeSha256", co.rtm.hub.ledger.Sha256.hex(envelope));
            Instant now = Timestamps.truncate(clock.instant());
            AuditLog.append(tx, now, AUDIT_EVENT, subject, detail);
            Optional<EventAlerts.EventAlert> alert = EventAlerts.of(event);
            if (alert.isPresent()) {
                Alerts.raiseForEventIn(tx, now, alert.get().kind(), event.centerId(), event.stationId(),
                        alert.get().instrument(), alert.get().message(), subject);
            }
            if (event.type() == EventType.VERIFICATION) {
                co.rtm.hub.mobile.Verifications.record(tx, subject, event.centerId(), event.stationId(),
                        event.createdAt().toInstant());
            }
            if (LoginEvents.isLogin(event)) {
                // checked by Ingestor before the event got here
                DocumentId document = DocumentId.parse(LoginEvents.document(event).orElseThrow());
                LaneLogins.record(tx, subject, event.centerId(), event.stationId(), document,
                        event.type() == EventType.LOGIN, event.createdAt().toInstant(), now);
            }
            return true;
        }
    }

}
