package co.rtm.hub.mobile;

import static co.rtm.hub.mobile.Places.CO;
import static co.rtm.hub.mobile.Places.LETICIA;
import static co.rtm.hub.mobile.Places.LETICIA_TOWN;
import static co.rtm.hub.mobile.Places.MITU;
import static co.rtm.hub.mobile.Places.PUERTO_NARINO;
import static co.rtm.hub.mobile.Places.PUERTO_NARINO_TOWN;
import static co.rtm.hub.mobile.Places.TARAPACA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.CenterLocation;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schedule rules against a real database, with real coordinates for the 50 km rule. Today is 5 November 2026 in Bogotá. */
class SchedulesTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static final class World {
        final Database db;
        final Registry registry;
        final Schedules schedules;

        World(Database db) {
            this.db = db;
            registry = new Registry(db, CLOCK, 1_000);
            schedules = new Schedules(db, CLOCK, CO);
            registry.createCenter("MOB-1", CenterKind.MOBILE, "Linea movil", "M001");
            registry.createCenter("CDA-AMZ", CenterKind.CDA, "CDA Amazonas", "F100");
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA sin ubicacion", "F001");
        }

        /** Registers where fixed CDA-AMZ stands. */
        void locate(double[] at) {
            registry.updateCenterRules("CDA-AMZ", r -> r.withLocation(CenterLocation.NONE.withCoordinates(at[0], at[1])));
        }

        long count(String sql) {
            return db.read(tx -> {
                try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }

        String refusal(String code, String municipality, String from, String to) {
            try {
                schedules.add("MOB-1", municipality, LocalDate.parse(from), LocalDate.parse(to));
            } catch (StayRefused e) {
                assertThat(e.code()).isEqualTo(code);
                return e.getMessage();
            }
            throw new AssertionError("stay " + municipality + " " + from + ".." + to + " was not refused");
        }
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aStayLastsAtLeastOneMonth(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            assertThat(w.refusal(StayRules.SHORTER_THAN_A_MONTH, MITU, "2026-11-01", "2026-11-29"))
                    .contains("2026-11-30", "3.3.3.9");
            assertThat(w.schedules.add("MOB-1", MITU, d("2026-11-01"), d("2026-11-30")).id()).isPositive();
            // 31 January + 1 month is 28 February 2027: one month ends on the 27th
            w.refusal(StayRules.SHORTER_THAN_A_MONTH, MITU, "2027-01-31", "2027-02-26");
            w.schedules.add("MOB-1", MITU, d("2027-01-31"), d("2027-02-27"));
            w.refusal(StayRules.BAD_DATES, MITU, "2027-06-30", "2027-06-01");
            assertThat(w.schedules.list("MOB-1")).extracting(Stay::from).containsExactly(d("2026-11-01"), d("2027-01-31"));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void staysOfALineDoNotOverlapButMayTouch(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            Stay nov = w.schedules.add("MOB-1", MITU, d("2026-11-01"), d("2026-11-30"));
            assertThat(w.refusal(StayRules.OVERLAPS, "97161", "2026-11-30", "2026-12-30"))
                    .contains(MITU, "2026-11-01", "2026-11-30", "stay " + nov.id());
            w.refusal(StayRules.OVERLAPS, "97161", "2026-10-01", "2026-12-31");
            w.schedules.add("MOB-1", "97161", d("2026-12-01"), d("2026-12-31"));
            w.schedules.add("MOB-1", "97161", d("2026-10-01"), d("2026-10-31"));
            assertThat(w.schedules.list("MOB-1")).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void unknownCodesOtherCentresAndUnknownCentresAreRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            assertThat(w.refusal(StayRules.UNKNOWN_MUNICIPALITY, "00000", "2026-11-01", "2026-11-30")).contains("00000");
            assertThatThrownBy(() -> w.schedules.add("CDA-1", MITU, d("2026-11-01"), d("2026-11-30")))
                    .isInstanceOf(StayRefused.class).hasMessageContaining("not a mobile line");
            assertThatThrownBy(() -> w.schedules.add("NOPE", MITU, d("2026-11-01"), d("2026-11-30")))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(w.count("SELECT COUNT(*) FROM mobile_stays")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aFixedCdaInLeticiaTownBlocksLeticiaButNotPuertoNarino60KmAway(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            w.locate(LETICIA_TOWN);
            assertThat(w.refusal(StayRules.FIXED_CDA_WITHIN_50_KM, LETICIA, "2026-11-01", "2026-11-30"))
                    .contains("CDA-AMZ", " 0.0 km", LETICIA);
            // the neighbour's boundary is more than 50 km from the town
            assertThat(CO.distanceMetres(PUERTO_NARINO, LETICIA_TOWN[0], LETICIA_TOWN[1])).isBetween(50_000.0, 70_000.0);
            w.schedules.add("MOB-1", PUERTO_NARINO, d("2026-11-01"), d("2026-11-30"));
            w.schedules.add("MOB-1", MITU, d("2026-12-01"), d("2026-12-31"));
            assertThat(w.schedules.list("MOB-1")).extracting(Stay::municipalityCode).containsExactly(PUERTO_NARINO, MITU);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aFixedCdaInPuertoNarinoBlocksItsNeighbourLeticiaNotRemoteTarapaca(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            w.locate(PUERTO_NARINO_TOWN);
            double toLeticia = CO.distanceMetres(LETICIA, PUERTO_NARINO_TOWN[0], PUERTO_NARINO_TOWN[1]);
            assertThat(toLeticia).isBetween(1_000.0, 50_000.0);
            assertThat(w.refusal(StayRules.FIXED_CDA_WITHIN_50_KM, LETICIA, "2026-11-01", "2026-11-30"))
                    .contains("CDA-AMZ", " " + StayRules.km(toLeticia) + " km", "3.3.1.6 a");
            assertThat(CO.distanceMetres(TARAPACA, PUERTO_NARINO_TOWN[0], PUERTO_NARINO_TOWN[1])).isGreaterThan(50_000);
            w.schedules.add("MOB-1", TARAPACA, d("2026-11-01"), d("2026-11-30"));
            assertThat(w.schedules.list("MOB-1")).extracting(Stay::municipalityCode).containsExactly(TARAPACA);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aFixedCdaLocatedNearAScheduledMunicipalityGivesThirtyDaysToLeave(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            Stay past = w.schedules.add("MOB-1", LETICIA, d("2026-09-01"), d("2026-09-30"));
            Stay current = w.schedules.add("MOB-1", LETICIA, d("2026-11-01"), d("2026-12-31"));
            Stay future = w.schedules.add("MOB-1", LETICIA, d("2027-01-01"), d("2027-01-31"));
            Stay elsewhere = w.schedules.add("MOB-1", MITU, d("2027-02-01"), d("2027-02-28"));
            w.locate(PUERTO_NARINO_TOWN);
            LocalDate leaveBy = d("2026-12-05"); // 5 November + 30 days
            assertThat(w.schedules.list("MOB-1")).extracting(Stay::id, Stay::leaveBy).containsExactly(
                    tuple(past.id(), null), tuple(current.id(), leaveBy), tuple(future.id(), leaveBy),
                    tuple(elsewhere.id(), null));
            assertThat(w.count("SELECT COUNT(*) FROM alerts WHERE kind = 'MOBILE_LINE_MUST_LEAVE' AND center_id = 'MOB-1'"
                    + " AND detail LIKE '%CDA-AMZ%2026-12-05%'")).isEqualTo(2);
            assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'MOBILE_LEAVE_BY_SET'")).isEqualTo(2);
            // registering the same location again, or other rules, notifies nothing new
            w.locate(PUERTO_NARINO_TOWN);
            w.registry.updateCenterRules("CDA-AMZ", r -> r.withEnvironmentalUntil(d("2027-12-31")));
            assertThat(w.count("SELECT COUNT(*) FROM alerts WHERE kind = 'MOBILE_LINE_MUST_LEAVE'")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void removingAStayIsAudited(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            World w = new World(h.db());
            Stay s = w.schedules.add("MOB-1", MITU, d("2026-11-01"), d("2026-11-30"));
            w.schedules.remove("MOB-1", s.id());
            assertThat(w.schedules.list("MOB-1")).isEmpty();
            assertThatThrownBy(() -> w.schedules.remove("MOB-1", s.id())).isInstanceOf(NoSuchElementException.class);
            assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE kind IN ('MOBILE_STAY_SCHEDULED', 'MOBILE_STAY_REMOVED')"
                    + " AND subject = 'MOB-1'")).isEqualTo(2);
            assertThat(List.of(s.lineId())).containsExactly("MOB-1");
        }
    }
}
