package co.rtm.hub.ledger;

import static co.rtm.hub.ledger.LedgerFixture.exam;
import static co.rtm.hub.ledger.LedgerFixture.inspection;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger against a real database: SQLite always, PostgreSQL when RTM_TEST_PG_URL is set. */
class LedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void furNumbersAreConsecutivePerCentreInAcceptanceOrder(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            List<Long> cda = new ArrayList<>();
            List<Long> mobile = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                Verdict v = i % 3 == 0 ? Verdict.REJECTED : Verdict.APPROVED;
                cda.add(f.accepted(inspection("CDA-1", i % 2 == 0 ? "lane-2" : "lane-1", i, v)).furNumber());
                mobile.add(f.accepted(inspection("MOB-1", "mob-lane", i, v)).furNumber());
            }
            assertThat(cda).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(mobile).containsExactlyElementsOf(cda);
            // certificates are hub-wide: both centres draw from one RTM series
            assertThat(f.count("SELECT MAX(certificate_number) FROM results WHERE certificate_kind = 'RTM'")).isEqualTo(14);
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rejectedGetsFurButNoCertificateAndIncompleteGetsNothing(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            Receipt approved = f.accepted(inspection("CDA-1", "lane-1", 1, Verdict.APPROVED));
            Receipt rejected = f.accepted(inspection("CDA-1", "lane-1", 2, Verdict.REJECTED));
            Receipt incomplete = f.accepted(inspection("CDA-1", "lane-1", 3, Verdict.INCOMPLETE));
            Receipt approved2 = f.accepted(inspection("CDA-1", "lane-1", 4, Verdict.APPROVED));

            assertThat(approved.furNumber()).isEqualTo(1);
            assertThat(approved.certificateKind()).isEqualTo(CertificateKind.RTM);
            assertThat(approved.certificateNumber()).isEqualTo(1);
            assertThat(rejected.furNumber()).isEqualTo(2);
            assertThat(rejected.certificateNumber()).isNull();
            assertThat(rejected.certificateKind()).isNull();
            assertThat(incomplete.furNumber()).isNull();
            assertThat(incomplete.certificateNumber()).isNull();
            assertThat(approved2.furNumber()).isEqualTo(3);
            assertThat(approved2.certificateNumber()).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM results")).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void examsTakeCaleCertificatesAndNoFur(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.accepted(inspection("CDA-1", "lane-1", 1, Verdict.APPROVED));
            Receipt passed = f.accepted(exam("CALE-1", "theory-1", 1, Verdict.APPROVED));
            Receipt failed = f.accepted(exam("CALE-1", "theory-1", 2, Verdict.REJECTED));
            Receipt passed2 = f.accepted(exam("CALE-1", "theory-1", 3, Verdict.APPROVED));
            assertThat(passed.furNumber()).isNull();
            assertThat(passed.certificateKind()).isEqualTo(CertificateKind.CALE);
            assertThat(passed.certificateNumber()).isEqualTo(1);
            assertThat(failed.certificateNumber()).isNull();
            assertThat(passed2.certificateNumber()).isEqualTo(2);
            LedgerReport r = new LedgerVerifier(h.db()).verify().report();
            assertThat(r.certificates()).isEqualTo(3);
            assertThat(r.ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void duplicateMessageIdReturnsTheSameNumbersAndChangesNothing(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            Submission s = inspection("CDA-1", "lane-1", 1, Verdict.APPROVED);
            Receipt first = f.accepted(s);
            f.accepted(inspection("CDA-1", "lane-1", 2, Verdict.APPROVED));
            String before = snapshot(f);

            Outcome again = f.ledger.accept(s);

            assertThat(again).isEqualTo(new Outcome.Duplicate(first));
            assertThat(snapshot(f)).isEqualTo(before);
            assertThat(f.ledger.find(s.messageId())).contains(first);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aReplayedSeqIsRefusedButANeverSeenLowerSeqIsAccepted(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.accepted(inspection("CDA-1", "lane-1", 5, Verdict.APPROVED));
            f.accepted(inspection("CDA-1", "lane-1", 9, Verdict.REJECTED));

            // new messageIds reusing accepted seqs: replays
            Outcome same = f.ledger.accept(inspection("CDA-1", "lane-1", 9, Verdict.APPROVED));
            Outcome older = f.ledger.accept(inspection("CDA-1", "lane-1", 5, Verdict.APPROVED));
            // seq 6 was lost in flight and resent after 9 was accepted: it is new
            Receipt late = f.accepted(inspection("CDA-1", "lane-1", 6, Verdict.APPROVED));

            assertThat(same).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.reasonCode()).isEqualTo(RefusalReasons.REPLAYED_SEQ));
            assertThat(older).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.reasonCode()).isEqualTo(RefusalReasons.REPLAYED_SEQ));
            assertThat(late.furNumber()).isEqualTo(3);
            // last_seq stays the highest accepted
            assertThat(f.registry.findStation("lane-1").orElseThrow().lastSeq()).isEqualTo(9);
            assertThat(f.count("SELECT COUNT(*) FROM refusals WHERE reason_code = 'REPLAYED_SEQ'")).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM results")).isEqualTo(3);
            // the refusals took no number: the next result continues the series
            assertThat(f.accepted(inspection("CDA-1", "lane-1", 10, Verdict.APPROVED)).furNumber()).isEqualTo(4);
            // other stations have their own seq
            assertThat(f.accepted(inspection("CDA-1", "lane-2", 1, Verdict.APPROVED)).furNumber()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void unknownInactiveOrMisplacedStationsAreRefused(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            f.registry.setActive("lane-2", false);
            assertThat(reason(f.ledger.accept(inspection("CDA-1", "ghost", 1, Verdict.APPROVED))))
                    .isEqualTo(RefusalReasons.UNKNOWN_STATION);
            assertThat(reason(f.ledger.accept(inspection("MOB-1", "lane-1", 1, Verdict.APPROVED))))
                    .isEqualTo(RefusalReasons.CENTER_MISMATCH);
            assertThat(reason(f.ledger.accept(inspection("CDA-1", "lane-2", 1, Verdict.APPROVED))))
                    .isEqualTo(RefusalReasons.STATION_INACTIVE);
            assertThat(f.count("SELECT COUNT(*) FROM results")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM counters")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM refusals")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void refusalsAreStoredAndAuditedButNeverNumbered(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            byte[] raw = "not even json".getBytes(StandardCharsets.UTF_8);
            Outcome.Refused r1 = f.ledger.recordRefusal(new Refusal(null, null, null, "runt/v1/x/y/inspection",
                    "MALFORMED", "not JSON", raw));
            Outcome.Refused r2 = f.ledger.recordRefusal(new Refusal("m-2", "CDA-1", "lane-1",
                    "runt/v1/CDA-1/lane-1/inspection", "BAD_SIGNATURE", "signature does not verify", raw));
            assertThat(r2.refusalId()).isGreaterThan(r1.refusalId());
            assertThat(f.count("SELECT COUNT(*) FROM refusals")).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE kind = '" + Ledger.AUDIT_REFUSAL + "'")).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM counters")).isZero();
            // a refused messageId may come back and be accepted (e.g. after the station was fixed)
            LedgerReport report = new LedgerVerifier(h.db()).verify().report();
            assertThat(report.refused()).isEqualTo(2);
            assertThat(report.ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierPassesOnACleanLedger(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            Verification v = new LedgerVerifier(h.db(), (station, version, envelope) -> true).verify();
            assertThat(v.problems()).isEmpty();
            LedgerReport r = v.report();
            assertThat(r).isEqualTo(new LedgerReport(9, 5, 3, 1, 5, 0, 0, 0, 0, true, true));
            JsonNode json = new ObjectMapper().valueToTree(r);
            assertThat(iterable(json.fieldNames())).containsExactly("results", "approved", "rejected", "refused",
                    "certificates", "furGaps", "certificateGaps", "duplicateNumbers", "badSignatures", "auditChainOk", "ok");
            assertThat(f.count("SELECT COUNT(*) FROM audit_log")).isGreaterThan(10);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierCountsBadSignatures(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            populated(h.db());
            SignatureCheck onlyLane1 = (station, version, envelope) -> station.equals("lane-1");
            LedgerReport r = new LedgerVerifier(h.db(), onlyLane1).verify().report();
            assertThat(r.badSignatures()).isEqualTo(5);
            assertThat(r.ok()).isFalse();
            SignatureCheck throwing = (station, version, envelope) -> {
                throw new IllegalStateException("no key");
            };
            assertThat(new LedgerVerifier(h.db(), throwing).verify().report().badSignatures()).isEqualTo(9);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsWhenAResultRowIsDeleted(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.execute("DELETE FROM results WHERE center_id = 'CDA-1' AND fur_number = 2");
            Verification v = new LedgerVerifier(h.db()).verify();
            assertThat(v.report().furGaps()).isEqualTo(1);
            assertThat(v.report().auditChainOk()).isFalse(); // the audit log still vouches for the deleted result
            assertThat(v.report().ok()).isFalse();
            assertThat(v.problems()).anyMatch(p -> p.contains("FUR:CDA-1"));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsWhenACounterIsBumped(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.execute("UPDATE counters SET next_value = next_value + 2 WHERE series = 'CERT:RTM'");
            LedgerReport r = new LedgerVerifier(h.db()).verify().report();
            assertThat(r.certificateGaps()).isEqualTo(2);
            assertThat(r.furGaps()).isZero();
            assertThat(r.auditChainOk()).isTrue();
            assertThat(r.ok()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsOnADuplicateNumber(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.execute("DROP INDEX results_fur_number"); // the schema itself refuses duplicates
            f.execute("UPDATE results SET fur_number = 1 WHERE center_id = 'CDA-1' AND fur_number = 3");
            LedgerReport r = new LedgerVerifier(h.db()).verify().report();
            assertThat(r.duplicateNumbers()).isEqualTo(1);
            assertThat(r.furGaps()).isEqualTo(1);
            assertThat(r.ok()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsWhenACounterFallsBehind(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.execute("UPDATE counters SET next_value = 2 WHERE series = 'FUR:CDA-1'");
            LedgerReport r = new LedgerVerifier(h.db()).verify().report();
            // numbers 2..5 are beyond the counter: the next results would be given them again
            assertThat(r.duplicateNumbers()).isEqualTo(4);
            assertThat(r.ok()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsOnATamperedAuditEntry(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.dropAuditGuard();
            f.execute("UPDATE audit_log SET subject = 'someone-else' WHERE id = 3");
            LedgerReport r = new LedgerVerifier(h.db()).verify().report();
            assertThat(r.auditChainOk()).isFalse();
            assertThat(r.furGaps()).isZero();
            assertThat(r.ok()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void verifierFailsWhenTheAuditTailIsCutOrAResultIsEdited(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = populated(h.db());
            f.execute("UPDATE results SET verdict = 'APPROVED', certificate_kind = 'RTM', certificate_number = 99"
                    + " WHERE station_id = 'lane-1' AND seq = 2");
            Verification edited = new LedgerVerifier(h.db()).verify();
            assertThat(edited.report().auditChainOk()).isFalse();
            assertThat(edited.report().ok()).isFalse();

            f.dropAuditGuard();
            f.execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)");
            assertThat(new LedgerVerifier(h.db()).verify().problems()).anyMatch(p -> p.contains("audit head"));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void concurrentAcceptanceIntoOneCentreIsGapless(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir);
             Database secondHub = h.openAnother()) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            for (int t = 3; t <= 4; t++) {
                f.registry.createStation("lane-" + t, "CDA-1", "cda-light@1");
            }
            // two "hub instances" on the same database, two threads each
            Ledger[] ledgers = {f.ledger, new Ledger(secondHub, java.time.Clock.systemUTC())};
            int perThread = 500;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 1; t <= 4; t++) {
                String station = "lane-" + t;
                Ledger ledger = ledgers[t % 2];
                futures.add(pool.submit(() -> {
                    List<Long> furs = new ArrayList<>();
                    for (int i = 1; i <= perThread; i++) {
                        Verdict v = i % 4 == 0 ? Verdict.REJECTED : Verdict.APPROVED;
                        Outcome o = ledger.accept(inspection("CDA-1", station, i, v));
                        furs.add(((Outcome.Accepted) o).receipt().furNumber());
                    }
                    return furs;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> fut : futures) {
                List<Long> furs = fut.get(5, TimeUnit.MINUTES);
                // each station's results are numbered in its own acceptance order
                assertThat(furs).isSorted();
                all.addAll(furs);
            }
            pool.shutdown();
            Collections.sort(all);
            assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, 4L * perThread).boxed().toList());
            Verification v = new LedgerVerifier(h.db()).verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.report().results()).isEqualTo(2000);
            assertThat(v.report().certificates()).isEqualTo(1500);
            assertThat(v.report().ok()).isTrue();
        }
    }

    /** 9 results (5 approved, 3 rejected, 1 incomplete; 5 certificates), 1 refusal. */
    private static LedgerFixture populated(Database db) {
        LedgerFixture f = new LedgerFixture(db).seed();
        f.accepted(inspection("CDA-1", "lane-1", 1, Verdict.APPROVED));
        f.accepted(inspection("CDA-1", "lane-1", 2, Verdict.REJECTED));
        f.accepted(inspection("CDA-1", "lane-2", 1, Verdict.APPROVED));
        f.accepted(inspection("CDA-1", "lane-1", 3, Verdict.INCOMPLETE));
        f.accepted(inspection("CDA-1", "lane-2", 2, Verdict.APPROVED));
        f.accepted(inspection("CDA-1", "lane-1", 4, Verdict.REJECTED));
        f.accepted(inspection("MOB-1", "mob-lane", 1, Verdict.APPROVED));
        f.accepted(exam("CALE-1", "theory-1", 1, Verdict.APPROVED));
        f.accepted(exam("CALE-1", "theory-1", 2, Verdict.REJECTED));
        f.ledger.accept(inspection("CDA-1", "lane-1", 2, Verdict.APPROVED)); // replay: refused
        return f;
    }

    private static String reason(Outcome o) {
        return ((Outcome.Refused) o).reasonCode();
    }

    private static String snapshot(LedgerFixture f) {
        return f.count("SELECT COUNT(*) FROM results") + "/" + f.count("SELECT COUNT(*) FROM refusals") + "/"
                + f.count("SELECT COUNT(*) FROM audit_log") + "/" + f.count("SELECT SUM(next_value) FROM counters") + "/"
                + f.count("SELECT last_seq FROM stations WHERE id = 'lane-1'");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

}
