package co.rtm.sim.e2e;

import co.rtm.agent.exam.ExamAgent;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.cale.CaleScenario;
import co.rtm.sim.cale.HubDesk;
import co.rtm.sim.cale.SyntheticCandidate;
import co.rtm.sim.cale.SyntheticCandidates;
import co.rtm.sim.cale.TerminalReply;
import co.rtm.sim.identity.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CALE end to end: the real hub (embedded broker, SQLite ledger), bookings and CRC/CEA certificates put on record
 * through the hub's own classes, two real {@link ExamAgent}s (theory room, practical station) over MQTT, a real SQLite
 * replica of synthetic fingerprints, and the simulator's terminals presenting the booked turn ids.
 */
class CaleExamsE2ETest {
    static final String CALE = "CALE-E2E";

    @TempDir
    Path dir;

    @Test
    void theoryThenPracticalAreAcceptedAtTheHubWithGaplessCertificatesAndAnImpersonationAlert() throws Exception {
        // persons 1..6; 1-4 know everything, 5 knows little (fails the theory), person 6 presents person 2's document
        List<SyntheticCandidate> candidates = new ArrayList<>();
        LicenceCategory[] cats = {LicenceCategory.B1, LicenceCategory.A2, LicenceCategory.C1, LicenceCategory.B1, LicenceCategory.B1};
        for (long p = 1; p <= 5; p++) {
            candidates.add(new SyntheticCandidate(SyntheticRegistry.document(p), cats[(int) p - 1], p, p == 5 ? 0.3 : 1.0,
                    SyntheticCandidate.Kind.GENUINE));
        }
        SyntheticCandidate impostor = new SyntheticCandidate(SyntheticRegistry.document(2), LicenceCategory.B1, 6, 1.0,
                SyntheticCandidate.Kind.IMPOSTOR);
        candidates.add(impostor);

        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0))) {
            StationBundle theoryBundle = hub.provision(CALE, "t1", "cale-theory");
            StationBundle practicalBundle = hub.provision(CALE, "p1", "cale-practical");
            HubDesk desk = new HubDesk(hub.database(), Clock.systemUTC(), CALE, "E2E");
            Map<SyntheticCandidate, String> theoryTurns = new HashMap<>();
            for (SyntheticCandidate c : candidates) {
                desk.certify(c);
                theoryTurns.put(c, desk.book(c, ExamPart.THEORY));
            }
            CivilRegistryReplica replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
            SyntheticCandidates.enrol(replica, candidates);
            try (replica;
                 ExamAgent theory = ExamAgent.start(theoryBundle, dir.resolve("t1"), replica, 0,
                         TheoryDrawer.newSeed(new SecureRandom()), Clock.systemUTC());
                 ExamAgent practical = ExamAgent.start(practicalBundle, dir.resolve("p1"), replica, 0, null, Clock.systemUTC())) {
                List<TerminalReply> room = CaleScenario.theoryRoom("127.0.0.1", theory.port(), candidates, 7, theoryTurns::get);
                assertThat(room.subList(0, 4)).allSatisfy(r -> assertThat(r.verdict()).as(r.toString()).isEqualTo("APPROVED"));
                assertThat(room.get(4).verdict()).as(room.get(4).toString()).isEqualTo("NOT_APPROVED");
                assertThat(room.get(5).refusals()).containsExactly("IMPERSONATION");

                // the practical is booked once the theory result is at the hub, as a CALE books it after RUNT has it
                await().atMost(Duration.ofSeconds(30)).until(() -> theory.outboxPending() == 0);
                List<SyntheticCandidate> passed = candidates.subList(0, 4);
                Map<SyntheticCandidate, String> practicalTurns = new HashMap<>();
                passed.forEach(c -> practicalTurns.put(c, desk.book(c, ExamPart.PRACTICAL)));
                List<TerminalReply> route = CaleScenario.practicalRoute("127.0.0.1", practical.port(), passed, 3, practicalTurns::get);
                assertThat(route).allSatisfy(r -> assertThat(r.end()).as(r.toString()).isEqualTo(TerminalReply.End.RESULT));
                await().atMost(Duration.ofSeconds(30)).until(() -> practical.outboxPending() == 0 && theory.outboxPending() == 0);

                List<Map<String, String>> exams = exams(hub);
                assertThat(hub.counters().refused()).as(exams.toString()).isZero();
                assertThat(exams).hasSize(5 + 4);
                // every station-side result is an accepted exam on its booked turn
                for (int i = 0; i < 5; i++) {
                    Map<String, String> e = exam(exams, theoryTurns.get(candidates.get(i)));
                    assertThat(e.get("part")).isEqualTo("THEORY");
                    assertThat(e.get("verdict")).isEqualTo(room.get(i).verdict());
                    assertThat(e.get("candidate")).isEqualTo(candidates.get(i).document().text());
                }
                for (int i = 0; i < 4; i++) {
                    Map<String, String> e = exam(exams, practicalTurns.get(passed.get(i)));
                    assertThat(e.get("part")).isEqualTo("PRACTICAL");
                    assertThat(e.get("verdict")).isEqualTo(route.get(i).verdict());
                }
                // approved exams carry the CALE series' numbers 1..n without gaps, failed ones none
                List<Long> numbers = new ArrayList<>();
                for (Map<String, String> e : exams) {
                    if (e.get("verdict").equals("APPROVED")) {
                        assertThat(e.get("kind")).isEqualTo("CALE");
                        numbers.add(Long.parseLong(e.get("number")));
                    } else {
                        assertThat(e.get("number")).as(e.toString()).isNull();
                    }
                }
                long approved = exams.stream().filter(e -> e.get("verdict").equals("APPROVED")).count();
                assertThat(approved).isGreaterThanOrEqualTo(4);
                assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, approved).boxed().toList());

                // the impostor's capture raised a HIGH alert naming both documents
                List<String> alerts = impersonationAlerts(hub);
                assertThat(alerts).hasSize(1);
                assertThat(alerts.get(0)).startsWith("HIGH:").contains(impostor.document().text())
                        .contains(SyntheticRegistry.document(6).text()).contains("t1");

                // a practical for the candidate who failed the theory is examined at the station but refused at the hub
                SyntheticCandidate failed = candidates.get(4);
                String turn = desk.book(failed, ExamPart.PRACTICAL);
                TerminalReply r = CaleScenario.practicalRoute("127.0.0.1", practical.port(), List.of(failed), 5, c -> turn).get(0);
                assertThat(r.end()).isEqualTo(TerminalReply.End.RESULT);
                await().atMost(Duration.ofSeconds(30)).until(() -> practical.outboxPending() == 0);
                assertThat(hub.counters().refused()).isEqualTo(1);
                assertThat(refusalCodes(hub)).containsExactly("THEORY_NOT_PASSED");
                assertThat(exams(hub)).hasSize(5 + 4);
            }
        }
        StringWriter out = new StringWriter();
        int rc = HubMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "verify-ledger", "--data", hubDir.toString(), "--json");
        assertThat(rc).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"ok\":true");
    }

    /** The hub's accepted exams with their certificate numbers, in acceptance order. */
    static List<Map<String, String>> exams(HubServer hub) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT e.turn_id, e.part, e.candidate, e.verdict,"
                    + " r.certificate_kind, r.certificate_number FROM exams e JOIN results r ON r.id = e.result_id ORDER BY r.id");
                 ResultSet rs = ps.executeQuery()) {
                List<Map<String, String>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, String> m = new HashMap<>();
                    m.put("turn", rs.getString(1));
                    m.put("part", rs.getString(2));
                    m.put("candidate", rs.getString(3));
                    m.put("verdict", rs.getString(4));
                    m.put("kind", rs.getString(5));
                    m.put("number", rs.getString(6));
                    out.add(m);
                }
                return out;
            }
        });
    }

    static Map<String, String> exam(List<Map<String, String>> exams, String turn) {
        List<Map<String, String>> mine = exams.stream().filter(e -> turn.equals(e.get("turn"))).toList();
        assertThat(mine).as("exam on turn " + turn + " in " + exams).hasSize(1);
        return mine.get(0);
    }

    static List<String> refusalCodes(HubServer hub) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT reason_code FROM refusals ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    static List<String> impersonationAlerts(HubServer hub) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT detail FROM alerts WHERE kind = 'IMPERSONATION' ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
