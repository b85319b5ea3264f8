package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.store.TestDatabases;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.VehicleKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspector-login rule and the retest rules in the ledger, against a real database. Times are Bogotá local
 * (UTC-5 all year).
 */
class PeopleRetestsLedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";
    private static final DocumentId ANA = DocumentId.parse("CC-79123456");
    private static final DocumentId LUIS = DocumentId.parse("CC-80111222");
    private static final DocumentId DIRECTOR = DocumentId.parse("CE-E55501");
    private static final DocumentId STRANGER = DocumentId.parse("CC-1010");
    private static final Set<TestKind> ALL = EnumSet.allOf(TestKind.class);

    @TempDir
    Path dir;

    private long seq;

    private static Instant bogota(String local) {
        return OffsetDateTime.parse(local + "-05:00").toInstant();
    }

    /** An inspection of {@code plate} started and tested at {@code bogotaLocal}, whose score names defects of {@code failed}. */
    private Submission inspection(String center, String station, String plate, Verdict verdict, String bogotaLocal,
                                  TestKind... failed) {
        seq++;
        String id = UUID.randomUUID().toString();
        String defects = List.of(failed).stream().map(t -> "{\"code\":\"x\",\"type\":\"A\",\"test\":\"" + t.json() + "\"}")
                .collect(Collectors.joining(","));
        String payload = "{\"messageId\":\"" + id + "\",\"centerId\":\"" + center + "\",\"stationId\":\"" + station
                + "\",\"seq\":" + seq + ",\"score\":{\"verdict\":\"" + verdict + "\",\"defects\":[" + defects + "]}}";
        byte[] envelope = ("{\"payload\":" + payload + ",\"signature\":\"sig\"}").getBytes(StandardCharsets.UTF_8);
        Instant at = bogota(bogotaLocal);
        return new Submission(id, center, station, 1, seq, ResultType.INSPECTION, plate, verdict, at, envelope, payload,
                at, VehicleKind.LIGHT);
    }

    private Submission at(String bogotaLocal) {
        return inspection("CDA-1", "lane-1", "ABC123", Verdict.APPROVED, bogotaLocal);
    }

    private Submission retest(String plate, long fur, String bogotaLocal, Set<TestKind> performed) {
        return inspection("CDA-1", "lane-1", plate, Verdict.APPROVED, bogotaLocal).asRetest(new RetestRequest(fur, performed));
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

    private static void event(LedgerFixture f, String station, DocumentId who, boolean login, String bogotaLocal) {
        f.db.inTransaction(tx -> {
            LaneLogins.record(tx, UUID.randomUUID().toString(), "CDA-1", station, who, login, bogota(bogotaLocal), Instant.now());
            return null;
        });
    }

    private static LedgerFixture withPeople(TestDatabases.Handle h) {
        LedgerFixture f = new LedgerFixture(h.db()).seed();
        People people = new People(h.db(), Clock.systemUTC());
        people.register("CDA-1", ANA, "Ana Pérez", PersonRole.INSPECTOR);
        people.register("CDA-1", LUIS, "Luis Gómez", PersonRole.INSPECTOR);
        people.register("CDA-1", DIRECTOR, "Marta Ruiz", PersonRole.TECHNICAL_DIRECTOR);
        return f;
    }

    // --- inspector logged in -------------------------------------------------------------------------------

    private Submission naming(String station, String bogotaLocal, DocumentId... inspectors) {
        return inspection("CDA-1", station, "ABC123", Verdict.APPROVED, bogotaLocal)
                .withInspectors(List.of(inspectors).stream().map(DocumentId::text).toList());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aNamedInspectorMustHaveLoggedInOnTheLaneByTheStart(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            event(f, "lane-1", ANA, true, "2026-11-17T08:00:00");
            event(f, "lane-1", LUIS, true, "2026-11-17T08:59:59");   // one second before the start
            event(f, "lane-2", ANA, true, "2026-11-17T08:00:00");
            event(f, "lane-2", LUIS, true, "2026-11-17T09:00:01");   // one second after the start
            event(f, "lane-1", LUIS, false, "2026-11-17T09:30:00");  // logged out before the next start
            assertThat(run(f,
                    naming("lane-1", "2026-11-17T09:00:00", ANA, LUIS),
                    naming("lane-2", "2026-11-17T09:00:00", ANA, LUIS),
                    naming("lane-1", "2026-11-17T09:30:01", ANA, LUIS),
                    naming("lane-1", "2026-11-17T09:30:02", ANA),
                    naming("lane-2", "2026-11-17T09:30:00", LUIS, ANA)))
                    .containsExactly(1L, "INSPECTOR_NOT_LOGGED_IN", "INSPECTOR_NOT_LOGGED_IN", 2L, 3L);
            assertThat(refusalDetails(f, "INSPECTOR_NOT_LOGGED_IN"))
                    .allSatisfy(d -> assertThat(d).contains(LUIS.text()).contains("was not logged in on lane"));
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aNamedInspectorOfAnotherCentreDeactivatedOrUnknownIsRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            DocumentId otto = DocumentId.parse("CC-91000111");
            new People(h.db(), Clock.systemUTC()).register("MOB-1", otto, "Otto Díaz", PersonRole.INSPECTOR);
            event(f, "lane-1", ANA, true, "2026-11-17T08:00:00");
            event(f, "lane-1", otto, true, "2026-11-17T08:00:00");    // logged in here, registered at another centre
            event(f, "lane-1", LUIS, true, "2026-11-17T08:00:00");
            event(f, "lane-1", DIRECTOR, true, "2026-11-17T08:00:00");
            List<Object> before = run(f,
                    naming("lane-1", "2026-11-17T09:00:00", ANA, otto),
                    naming("lane-1", "2026-11-17T09:00:01", ANA, STRANGER),  // never registered, not logged in
                    naming("lane-1", "2026-11-17T09:00:02", DIRECTOR, ANA)); // an active technical director counts
            new People(h.db(), Clock.systemUTC()).deactivate("CDA-1", LUIS);
            List<Object> after = run(f, naming("lane-1", "2026-11-17T09:00:03", ANA, LUIS));
            assertThat(before).containsExactly("INSPECTOR_NOT_REGISTERED", "INSPECTOR_NOT_REGISTERED", 1L);
            assertThat(after).containsExactly("INSPECTOR_NOT_REGISTERED");
            List<String> details = refusalDetails(f, "INSPECTOR_NOT_REGISTERED");
            assertThat(String.join("\n", details)).contains(otto.text() + "' named by the inspection is not registered at centre CDA-1")
                    .contains(STRANGER.text()).contains(LUIS.text() + "' named by the inspection was deactivated");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void namedInspectorsAreNotCheckedAtACentreThatRegisteredNobody(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f, naming("lane-1", "2026-11-17T09:00:00", STRANGER))).containsExactly(1L);
        }
    }


    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aLoginAMinuteBeforeOrAtTheStartCountsALaterOneDoesNot(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            event(f, "lane-1", ANA, true, "2026-11-17T08:59:00");
            event(f, "lane-2", ANA, true, "2026-11-17T09:00:00");
            assertThat(run(f,
                    at("2026-11-17T08:58:59"),   // before the login
                    at("2026-11-17T09:00:00"),   // a minute after it
                    inspection("CDA-1", "lane-2", "ABC123", Verdict.APPROVED, "2026-11-17T09:00:00"), // at the login
                    inspection("CDA-1", "lane-2", "ABC123", Verdict.APPROVED, "2026-11-17T08:59:59")))
                    .containsExactly("NO_INSPECTOR_LOGGED_IN", 1L, 2L, "NO_INSPECTOR_LOGGED_IN");
            assertThat(refusalDetails(f, "NO_INSPECTOR_LOGGED_IN").get(0)).contains("nobody was logged in");
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aLogoutBeforeTheStartRefusesOneAfterItDoesNot(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            event(f, "lane-1", ANA, true, "2026-11-17T08:00:00");
            event(f, "lane-1", ANA, false, "2026-11-17T09:30:00");
            event(f, "lane-1", ANA, true, "2026-11-17T10:00:00");
            assertThat(run(f, at("2026-11-17T09:29:59"), at("2026-11-17T09:30:00"), at("2026-11-17T09:59:59"),
                    at("2026-11-17T10:00:00")))
                    .containsExactly(1L, "NO_INSPECTOR_LOGGED_IN", "NO_INSPECTOR_LOGGED_IN", 2L);
            // another inspector still logged in when one leaves keeps the lane going
            event(f, "lane-2", ANA, true, "2026-11-18T08:00:00");
            event(f, "lane-2", LUIS, true, "2026-11-18T08:10:00");
            event(f, "lane-2", ANA, false, "2026-11-18T08:20:00");
            event(f, "lane-2", LUIS, false, "2026-11-18T08:40:00");
            assertThat(run(f, inspection("CDA-1", "lane-2", "ABC123", Verdict.APPROVED, "2026-11-18T08:30:00"),
                    inspection("CDA-1", "lane-2", "ABC123", Verdict.APPROVED, "2026-11-18T08:50:00")))
                    .containsExactly(3L, "NO_INSPECTOR_LOGGED_IN");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aDeactivatedAnUnregisteredOrADirectorsLoginIsRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            new People(h.db(), Clock.systemUTC()).deactivate("CDA-1", LUIS);
            event(f, "lane-1", LUIS, true, "2026-11-17T08:00:00");
            event(f, "lane-1", STRANGER, true, "2026-11-17T08:01:00");
            event(f, "lane-1", DIRECTOR, true, "2026-11-17T08:02:00");
            // logged in at another centre's lane does not count either
            event(f, "mob-lane", ANA, true, "2026-11-17T08:00:00");
            assertThat(run(f, at("2026-11-17T09:00:00"))).containsExactly("NO_INSPECTOR_LOGGED_IN");
            assertThat(refusalDetails(f, "NO_INSPECTOR_LOGGED_IN").get(0)).contains(
                    "CC-80111222 since 2026-11-17T13:00:00Z (a deactivated inspector)",
                    "CC-1010 since 2026-11-17T13:01:00Z (not registered at the centre)",
                    "CE-E55501 since 2026-11-17T13:02:00Z (a technical-director)");
            new People(h.db(), Clock.systemUTC()).register("CDA-1", LUIS, "Luis Gómez", PersonRole.INSPECTOR);
            assertThat(run(f, at("2026-11-17T09:01:00"))).containsExactly(1L);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aCentreThatRegisteredNobodyIsNotChecked(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = withPeople(h);
            assertThat(run(f, inspection("MOB-1", "mob-lane", "ABC123", Verdict.APPROVED, "2026-11-17T09:00:00"),
                    at("2026-11-17T09:00:00"))).containsExactly(1L, "NO_INSPECTOR_LOGGED_IN");
        }
    }

    // --- retests -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void day15InBogotaIsAcceptedDay16IsRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            // rejected at 23:30 in Bogotá on 1 November: 04:30 UTC on the 2nd, so a UTC count would be a day late
            assertThat(run(f,
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.REJECTED, "2026-11-01T23:30:00", TestKind.TYRES),
                    inspection("CDA-1", "lane-1", "BBB222", Verdict.REJECTED, "2026-11-01T23:30:00", TestKind.TYRES),
                    retest("AAA111", 1, "2026-11-16T23:59:59", ALL),
                    retest("BBB222", 2, "2026-11-17T00:00:00", ALL)))
                    .containsExactly(1L, 2L, 3L, "RETEST_OUTSIDE_WINDOW");
            assertThat(refusalDetails(f, "RETEST_OUTSIDE_WINDOW").get(0))
                    .contains("rejected on 2026-11-01 (Bogotá)", "started on 2026-11-17, day 16 of 15");
            assertThat(f.count("SELECT COUNT(*) FROM results WHERE fur_number = 3 AND retest = TRUE AND retest_of_fur = 1"))
                    .isEqualTo(1);
            assertThat(f.count("SELECT COUNT(*) FROM results WHERE retest = TRUE")).isEqualTo(1);
            // the same day as the rejection, before it, is not a retest of it
            assertThat(run(f, retest("BBB222", 2, "2026-11-01T23:29:59", ALL))).containsExactly("RETEST_OUTSIDE_WINDOW");
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void onlyOneRetestPerOriginalAndNoRetestOfARetest(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f,
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.REJECTED, "2026-11-02T09:00:00", TestKind.BRAKES),
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.REJECTED, "2026-11-03T09:00:00", TestKind.BRAKES)
                            .asRetest(new RetestRequest(1, ALL)),
                    retest("AAA111", 1, "2026-11-04T09:00:00", ALL),
                    retest("AAA111", 2, "2026-11-04T09:00:00", ALL)))
                    .containsExactly(1L, 2L, "RETEST_ALREADY_USED", "RETEST_ALREADY_USED");
            assertThat(refusalDetails(f, "RETEST_ALREADY_USED"))
                    .anySatisfy(d -> assertThat(d).contains("FUR 1 already had its one free retest"))
                    .anySatisfy(d -> assertThat(d).contains("FUR 2 is itself the retest of FUR 1"));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aSecondRetestInTheSameGroupCommitIsRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            List<Submission> batch = List.of(
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.REJECTED, "2026-11-02T09:00:00", TestKind.LIGHTS),
                    retest("AAA111", 1, "2026-11-03T09:00:00", ALL),
                    retest("AAA111", 1, "2026-11-03T09:10:00", ALL));
            List<Object> out = h.db().inTransaction(tx -> {
                List<Object> decided = new ArrayList<>();
                for (Submission s : batch) {
                    decided.add(summary(f.ledger.acceptIn(tx, s)));
                }
                return decided;
            });
            assertThat(out).containsExactly(1L, 2L, "RETEST_ALREADY_USED");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void theOriginalMustBeARejectionOfTheSamePlateAtTheSameCentre(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f,
                    inspection("MOB-1", "mob-lane", "AAA111", Verdict.REJECTED, "2026-11-02T09:00:00", TestKind.TYRES),
                    retest("AAA111", 1, "2026-11-03T09:00:00", ALL),     // FUR 1 is the mobile line's, not CDA-1's
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.APPROVED, "2026-11-03T10:00:00"),
                    retest("AAA111", 1, "2026-11-03T11:00:00", ALL),     // CDA-1's FUR 1 was approved
                    inspection("CDA-1", "lane-1", "CCC333", Verdict.REJECTED, "2026-11-03T14:00:00", TestKind.TYRES),
                    retest("DDD444", 2, "2026-11-03T15:00:00", ALL),     // another vehicle
                    retest("ccc-333", 2, "2026-11-03T16:00:00", ALL)))   // the same plate written otherwise
                    .containsExactly(1L, "RETEST_ORIGINAL_NOT_FOUND", 1L, "RETEST_ORIGINAL_NOT_REJECTED", 2L,
                            "RETEST_PLATE_MISMATCH", 3L);
            assertThat(refusalDetails(f, "RETEST_ORIGINAL_NOT_FOUND").get(0)).contains("centre CDA-1 issued no FUR 1");
            assertThat(refusalDetails(f, "RETEST_ORIGINAL_NOT_REJECTED")).first().asString().contains("FUR 1 was APPROVED");
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void theRetestRepeatsEveryFailedTestAndTheFullSensoryReview(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            Set<TestKind> tyresAndSensory = EnumSet.of(TestKind.TYRES, TestKind.SENSORY);
            Set<TestKind> tyresAndGas = EnumSet.of(TestKind.TYRES, TestKind.GAS);
            assertThat(run(f,
                    inspection("CDA-1", "lane-1", "AAA111", Verdict.REJECTED, "2026-11-02T09:00:00",
                            TestKind.TYRES, TestKind.GAS, TestKind.SENSORY),
                    retest("AAA111", 1, "2026-11-03T09:00:00", tyresAndSensory),
                    retest("AAA111", 1, "2026-11-03T09:10:00", tyresAndGas),
                    retest("AAA111", 1, "2026-11-03T09:20:00", EnumSet.of(TestKind.TYRES, TestKind.GAS, TestKind.SENSORY))))
                    .containsExactly(1L, "RETEST_INCOMPLETE", "RETEST_INCOMPLETE", 2L);
            assertThat(refusalDetails(f, "RETEST_INCOMPLETE")).containsExactly(
                    "the retest of FUR 1 lacks the gas test (art. 3.3.5.3)",
                    "the retest of FUR 1 lacks the full sensory review (art. 3.3.5.3)");
        }
    }

    private static List<String> refusalDetails(LedgerFixture f, String reason) {
        return f.db.read(tx -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT detail FROM refusals WHERE reason_code = ? ORDER BY id")) {
                ps.setString(1, reason);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            assertThat(out).as("refusals " + reason).isNotEmpty();
            return out;
        });
    }
}
