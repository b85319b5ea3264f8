package co.rtm.hub.mobile;

import static co.rtm.hub.mobile.Places.BOGOTA;
import static co.rtm.hub.mobile.Places.BOGOTA_CENTRE;
import static co.rtm.hub.mobile.Places.CHIA;
import static co.rtm.hub.mobile.Places.CO;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.vehicle.VehicleKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mobile line's inspections through the ledger (the rule inside its transaction, {@link SqlTrackHistory} on a
 * {@code track_fixes} table of the tracks migration, V12), and the monthly report, on SQLite and
 * PostgreSQL. Times are Bogotá local.
 */
class MobileLedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T12:00:00Z"), ZoneOffset.UTC);
    /** Soacha's main square, 12 km from Bogotá's Plaza de Bolívar. */
    private static final double[] SOACHA = {4.5793, -74.2168};

    @TempDir
    Path dir;

    private long seq;

    private static Instant bogota(String local) {
        return OffsetDateTime.parse(local + "-05:00").toInstant();
    }

    private final class World {
        final Database db;
        final Registry registry;
        final Schedules schedules;
        final Ledger ledger;

        World(Database db) {
            this.db = db;
            registry = new Registry(db, CLOCK, 1_000);
            schedules = new Schedules(db, CLOCK, CO);
            ledger = new Ledger(db, Clock.systemUTC());
            registry.createCenter("MOB-1", CenterKind.MOBILE, "Linea movil", "M001");
            registry.createCenter("MOB-2", CenterKind.MOBILE, "Linea sin cronograma", "M002");
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
            registry.createStation("mob-lane", "MOB-1", "cda-light@1");
            registry.createStation("mob2-lane", "MOB-2", "cda-light@1");
            registry.createStation("lane-1", "CDA-1", "cda-light@1");
        }

        void execute(String sql) {
            db.inTransaction((Tx tx) -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.execute(sql);
                }
                return null;
            });
        }

        void fix(String station, double[] at, String bogotaLocal) {
            db.inTransaction((Tx tx) -> {
                StoredFixes.insert(tx, station, bogota(bogotaLocal), at[0], at[1]);
                return null;
            });
        }

        void verified(String station, String bogotaLocal) {
            db.inTransaction((Tx tx) -> {
                Verifications.record(tx, UUID.randomUUID().toString(), "MOB-1", station, bogota(bogotaLocal));
                return null;
            });
        }

        Object submit(String center, String station, String bogotaLocal, Verdict verdict) {
            seq++;
            String id = UUID.randomUUID().toString();
            String payload = "{\"messageId\":\"" + id + "\"}";
            Submission s = new Submission(id, center, station, 1, seq, ResultType.INSPECTION, "MOB" + seq, verdict,
                    bogota(bogotaLocal).plusSeconds(900), ("{\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8),
                    payload).startingAt(bogota(bogotaLocal), VehicleKind.LIGHT);
            Outcome o = ledger.accept(s);
            if (o instanceof Outcome.Accepted a) {
                return a.receipt().furNumber();
            }
            return o instanceof Outcome.Refused r ? r.reasonCode() : o;
        }

        long count(String sql) {
            return db.read(tx -> {
                try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void theLedgerHoldsAScheduledLineToItsTrack(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            w.schedules.add("MOB-1", BOGOTA, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
            w.fix("mob-lane", CHIA, "2026-11-17T07:00:00");
            w.fix("mob-lane", BOGOTA_CENTRE, "2026-11-17T08:00:00");
            w.fix("mob-lane", BOGOTA_CENTRE, "2026-11-17T08:50:00");
            w.verified("mob-lane", "2026-11-17T06:00:00"); // before leaving Chía
            List<Object> out = new ArrayList<>();
            out.add(w.submit("MOB-1", "mob-lane", "2026-10-31T09:00:00", Verdict.APPROVED)); // before the stay
            out.add(w.submit("MOB-1", "mob-lane", "2026-11-17T07:55:00", Verdict.APPROVED)); // last fix 55 min old
            out.add(w.submit("MOB-1", "mob-lane", "2026-11-17T07:10:00", Verdict.APPROVED)); // in Chía
            out.add(w.submit("MOB-1", "mob-lane", "2026-11-17T09:00:00", Verdict.APPROVED)); // moved, not verified
            w.verified("mob-lane", "2026-11-17T08:30:00");
            out.add(w.submit("MOB-1", "mob-lane", "2026-11-17T09:00:00", Verdict.APPROVED));
            out.add(w.submit("MOB-1", "mob-lane", "2026-11-17T09:05:00", Verdict.REJECTED));
            // a line with no schedule yet, and a fixed CDA, are not held to a track
            out.add(w.submit("MOB-2", "mob2-lane", "2026-11-17T09:00:00", Verdict.APPROVED));
            out.add(w.submit("CDA-1", "lane-1", "2026-11-17T09:00:00", Verdict.APPROVED));
            assertThat(out).containsExactly("NOT_IN_SCHEDULED_MUNICIPALITY", "NO_RECENT_FIX",
                    "OUTSIDE_SCHEDULED_MUNICIPALITY", "METROLOGICAL_VERIFICATION_REQUIRED", 1L, 2L, 1L, 1L);
            assertThat(w.count("SELECT COUNT(*) FROM refusals WHERE station_id = 'mob-lane'")).isEqualTo(4);
            assertThat(w.count("SELECT COUNT(*) FROM alerts WHERE kind = 'METROLOGICAL_VERIFICATION_REQUIRED'"
                    + " AND detail LIKE '%3.3.3.8%'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void theMonthlyReportCountsInspectionsByTheMunicipalityScheduledThatDay(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            w.schedules.add("MOB-1", BOGOTA, LocalDate.parse("2026-10-16"), LocalDate.parse("2026-11-15"));
            w.schedules.add("MOB-1", "25754", LocalDate.parse("2026-11-16"), LocalDate.parse("2026-12-31"));
            assertThat(CO.distanceMetres("25754", SOACHA[0], SOACHA[1])).isZero();
            w.fix("mob-lane", BOGOTA_CENTRE, "2026-10-20T08:00:00");
            w.fix("mob-lane", SOACHA, "2026-11-16T07:00:00");
            w.verified("mob-lane", "2026-11-16T07:30:00");
            for (String day : List.of("2026-10-31", "2026-11-01", "2026-11-15")) {
                w.fix("mob-lane", BOGOTA_CENTRE, day + "T08:55:00");
            }
            for (String day : List.of("2026-11-20", "2026-11-30", "2026-12-01")) {
                w.fix("mob-lane", SOACHA, day + "T08:55:00");
                w.fix("mob-lane", SOACHA, day + "T23:25:00");
            }
            w.fix("mob-lane", SOACHA, "2026-12-01T00:25:00");
            List<Object> out = java.util.Arrays.asList(
                    w.submit("MOB-1", "mob-lane", "2026-10-31T09:00:00", Verdict.APPROVED), // October
                    w.submit("MOB-1", "mob-lane", "2026-11-01T09:00:00", Verdict.APPROVED),
                    w.submit("MOB-1", "mob-lane", "2026-11-15T09:00:00", Verdict.REJECTED),
                    w.submit("MOB-1", "mob-lane", "2026-11-20T09:00:00", Verdict.APPROVED),
                    w.submit("MOB-1", "mob-lane", "2026-11-20T09:01:00", Verdict.INCOMPLETE), // not completed
                    w.submit("MOB-1", "mob-lane", "2026-11-30T23:30:00", Verdict.REJECTED), // 1 Dec in UTC
                    w.submit("MOB-1", "mob-lane", "2026-12-01T00:30:00", Verdict.APPROVED)); // December
            assertThat(out).allMatch(o -> !(o instanceof String), "all accepted: " + out);
            MonthlyReport.Report november = MonthlyReport.of(w.db, "MOB-1", YearMonth.parse("2026-11"), CO);
            assertThat(november.rows()).containsExactly(
                    new MonthlyReport.Row(BOGOTA, "BOGOTÁ, D.C.", "BOGOTÁ, D.C.", 2, 1, 1),
                    new MonthlyReport.Row("25754", "SOACHA", "CUNDINAMARCA", 2, 1, 1));
            assertThat(MonthlyReport.csv(november)).isEqualTo(
                    "line,month,municipality_code,municipality,department,inspections,approved,rejected\r\n"
                            + "MOB-1,2026-11,11001,\"BOGOTÁ, D.C.\",\"BOGOTÁ, D.C.\",2,1,1\r\n"
                            + "MOB-1,2026-11,25754,SOACHA,CUNDINAMARCA,2,1,1\r\n");
            assertThat(MonthlyReport.of(w.db, "MOB-1", YearMonth.parse("2026-12"), CO).rows())
                    .containsExactly(new MonthlyReport.Row("25754", "SOACHA", "CUNDINAMARCA", 1, 1, 0));
            assertThat(MonthlyReport.of(w.db, "MOB-1", YearMonth.parse("2026-09"), CO).rows()).isEmpty();
        }
    }
}
