package co.rtm.hub.ledger;

import static co.rtm.hub.ledger.LedgerFixture.inspection;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.TestDatabases;
import co.rtm.profiles.vehicle.VehicleKind;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening hours, capacity, centre class and accreditation in the ledger, against a real database. Times are
 * Bogotá local; 17 November 2026 is a Tuesday, 16 November 2026 a holiday (Monday).
 */
class OperatingRulesLedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";

    @TempDir
    Path dir;

    private long seq;

    private Submission at(String station, String bogotaLocal, VehicleKind kind) {
        seq++;
        return inspection("CDA-1", station, seq, Verdict.APPROVED)
                .startingAt(OffsetDateTime.parse(bogotaLocal + "-05:00").toInstant(), kind);
    }

    private Submission at(String bogotaLocal) {
        return at("lane-1", bogotaLocal, VehicleKind.LIGHT);
    }

    private static Object summary(Outcome o) {
        if (o instanceof Outcome.Accepted a) {
            return a.receipt().furNumber();
        }
        return o instanceof Outcome.Refused r ? r.reasonCode() : o;
    }

    private static List<Object> run(LedgerFixture f, Submission... submissions) {
        List<Object> out = new ArrayList<>();
        for (Submission s : submissions) {
            out.add(summary(f.ledger.accept(s)));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void opensAtSevenClosesAtSixAndOnHolidays(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.updateCenterRules("CDA-1",
                    r -> r.withHours(OpeningHours.parse("mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed")));
            assertThat(run(f,
                    at("2026-11-17T06:59:59"),
                    at("2026-11-17T07:00:00"),
                    at("2026-11-17T17:59:59"),
                    at("2026-11-17T18:00:00"),
                    at("2026-11-16T10:00:00"),
                    at("2026-11-21T12:00:00")))
                    .containsExactly("OUTSIDE_OPERATING_HOURS", 1L, 2L, "OUTSIDE_OPERATING_HOURS", "OUTSIDE_OPERATING_HOURS", 3L);
            assertThat(refusalDetail(f, "OUTSIDE_OPERATING_HOURS"))
                    .contains("2026-11-17T06:59:59", "mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed");
            assertThat(f.count("SELECT COUNT(*) FROM refusals WHERE reason_code = 'OUTSIDE_OPERATING_HOURS'")).isEqualTo(3);
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void fourPerHourTheFifthIsRefusedAndTheNextHourStartsAgain(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.setCapacityPerHour("lane-1", 4);
            assertThat(run(f,
                    at("2026-11-17T06:59:59"),  // previous hour
                    at("2026-11-17T07:00:00"),
                    at("2026-11-17T07:15:00"),
                    at("2026-11-17T07:30:00"),
                    at("2026-11-17T07:45:00"),
                    at("2026-11-17T07:59:59"),
                    at("lane-2", "2026-11-17T07:59:59", VehicleKind.LIGHT), // another lane has its own capacity
                    at("2026-11-17T08:00:00")))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, "CAPACITY_EXCEEDED", 6L, 7L);
            assertThat(refusalDetail(f, "CAPACITY_EXCEEDED"))
                    .contains("already has 4 results started 2026-11-17T07:00-08:00 (Bogotá)", "capacity is 4 per hour");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void capacityCountsResultsAcceptedEarlierInTheSameGroupCommit(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.setCapacityPerHour("lane-1", 2);
            List<Submission> batch = List.of(at("2026-11-17T09:00:00"), at("2026-11-17T09:10:00"),
                    at("2026-11-17T09:20:00"), at("2026-11-17T10:00:00"));
            List<Object> out = h.db().inTransaction(tx -> {
                List<Object> decided = new ArrayList<>();
                for (Submission s : batch) {
                    decided.add(summary(f.ledger.acceptIn(tx, s)));
                }
                return decided;
            });
            assertThat(out).containsExactly(1L, 2L, "CAPACITY_EXCEEDED", 3L);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void capacityZeroOrNoneIsUnlimited(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.setCapacityPerHour("lane-1", 1);
            assertThat(f.registry.setCapacityPerHour("lane-1", 0)).isNull();
            assertThat(f.registry.capacityPerHour("lane-1")).isEmpty();
            assertThat(run(f, at("2026-11-17T09:00:00"), at("2026-11-17T09:01:00"), at("2026-11-17T09:02:00")))
                    .containsExactly(1L, 2L, 3L);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aMotocarroAtAClassCCentreIsRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.updateCenterRules("CDA-1", r -> r.withClass(CenterClass.C));
            assertThat(run(f, at("lane-1", "2026-11-17T09:00:00", VehicleKind.MOTOCARRO),
                    at("lane-1", "2026-11-17T09:01:00", VehicleKind.LIGHT)))
                    .containsExactly("VEHICLE_KIND_NOT_ALLOWED", "VEHICLE_KIND_NOT_ALLOWED");
            assertThat(refusalDetail(f, "VEHICLE_KIND_NOT_ALLOWED"))
                    .contains("a motocarro may not be inspected on lane lane-1 of class C centre CDA-1");
            f.registry.updateCenterRules("CDA-1", r -> r.withClass(CenterClass.B));
            assertThat(run(f, at("lane-1", "2026-11-17T09:02:00", VehicleKind.MOTOCARRO))).containsExactly(1L);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void accreditationHoldsThroughItsLastDayInBogota(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.updateCenterRules("CDA-1", r -> r.withAccreditedUntil(LocalDate.of(2026, 6, 30)));
            // 2026-07-01T00:00 in Bogotá is 05:00 UTC: the date is judged on the Bogotá clock
            assertThat(run(f, at("2026-06-30T23:59:59"), at("2026-07-01T00:00:00")))
                    .containsExactly(1L, "ACCREDITATION_EXPIRED");
            assertThat(refusalDetail(f, "ACCREDITATION_EXPIRED")).contains("accredited until 2026-06-30");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void environmentalCertificateHoldsThroughItsLastDayInBogota(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f, at("2030-01-01T10:00:00"))).as("nothing registered: not checked").containsExactly(1L);
            f.registry.updateCenterRules("CDA-1", r -> r.withEnvironmentalUntil(LocalDate.of(2030, 6, 30)));
            // 2030-07-01T00:00 in Bogotá is 05:00 UTC: the date is judged on the Bogotá clock
            assertThat(run(f, at("2030-06-30T23:59:59"), at("2030-07-01T00:00:00")))
                    .containsExactly(2L, "ENVIRONMENTAL_CERTIFICATE_EXPIRED");
            assertThat(refusalDetail(f, "ENVIRONMENTAL_CERTIFICATE_EXPIRED"))
                    .contains("2030-07-01T00:00", "environmental certificate of centre CDA-1 is valid until 2030-06-30");
            f.registry.updateCenterRules("CDA-1", r -> r.withEnvironmentalUntil(null));
            assertThat(run(f, at("2030-07-01T00:00:01"))).as("cleared: not checked").containsExactly(3L);
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aDuplicateOfAnAcceptedResultIsStillADuplicateAfterTheRulesChange(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            Submission s = at("2026-11-17T06:00:00");
            assertThat(run(f, s)).containsExactly(1L);
            f.registry.updateCenterRules("CDA-1", r -> r.withHours(OpeningHours.parse("mon-fri 07:00-18:00")));
            assertThat(f.ledger.accept(s)).isInstanceOf(Outcome.Duplicate.class);
        }
    }

    private static String refusalDetail(LedgerFixture f, String reason) {
        return f.db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT detail FROM refusals WHERE reason_code = ? ORDER BY id")) {
                ps.setString(1, reason);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("a refusal " + reason).isTrue();
                    return rs.getString(1);
                }
            }
        });
    }
}
