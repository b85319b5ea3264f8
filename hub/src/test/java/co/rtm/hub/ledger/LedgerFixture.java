package co.rtm.hub.ledger;

import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Tx;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A registry with centres CDA-1, MOB-1 (mobile) and CALE-1, and a station in each. */
final class LedgerFixture {
    final Database db;
    final Registry registry;
    final Ledger ledger;

    LedgerFixture(Database db) {
        this.db = db;
        this.registry = new Registry(db, Clock.systemUTC(), 1_000);
        this.ledger = new Ledger(db, Clock.systemUTC());
    }

    LedgerFixture seed() {
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createCenter("MOB-1", CenterKind.MOBILE, "Linea movil", "M001");
        registry.createCenter("CALE-1", CenterKind.CALE, "CALE uno", null);
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.createStation("lane-2", "CDA-1", "cda-light@1");
        registry.createStation("mob-lane", "MOB-1", "cda-light@1");
        registry.createStation("theory-1", "CALE-1", "cale-theory@1");
        return this;
    }

    static Submission inspection(String center, String station, long seq, Verdict verdict) {
        return submission(center, station, seq, ResultType.INSPECTION, "ABC" + seq, verdict);
    }

    static Submission exam(String center, String station, long seq, Verdict verdict) {
        return submission(center, station, seq, ResultType.EXAM, "CC" + (1000 + seq), verdict);
    }

    static Submission submission(String center, String station, long seq, ResultType type, String subject, Verdict verdict) {
        String id = UUID.randomUUID().toString();
        String payload = "{\"messageId\":\"" + id + "\",\"centerId\":\"" + center + "\",\"stationId\":\"" + station
                + "\",\"seq\":" + seq + ",\"verdict\":\"" + verdict + "\"}";
        byte[] envelope = ("{\"payload\":" + payload + ",\"signature\":\"sig\"}").getBytes(StandardCharsets.UTF_8);
        return new Submission(id, center, station, 1, seq, type, subject, verdict, Instant.now(), envelope, payload);
    }

    Receipt accepted(Submission s) {
        Outcome o = ledger.accept(s);
        if (!(o instanceof Outcome.Accepted a)) {
            throw new AssertionError("expected acceptance, got " + o);
        }
        return a.receipt();
    }

    long count(String sql) {
        return db.read(tx -> {
            try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void execute(String... sql) {
        db.inTransaction((Tx tx) -> {
            try (Statement st = tx.connection().createStatement()) {
                for (String s : sql) {
                    st.execute(s);
                }
            }
            return null;
        });
    }

    /** Drops the append-only trigger, as someone with database access could. */
    void dropAuditGuard() {
        switch (db.dialect()) {
            case SQLITE -> execute("DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete");
            case POSTGRESQL -> execute("DROP TRIGGER audit_log_no_change ON audit_log");
        }
    }

}
