package co.rtm.hub.ledger;

import static co.rtm.hub.ledger.LedgerFixture.submission;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import co.rtm.profiles.vehicle.VehicleKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plausibility checks that compare an inspection with accepted ones (PLATE_OVERLAP, SERIES_REUSED), against a
 * real database. Times are Bogotá local; lane-1 and lane-2 are at CDA-1, mob-lane at MOB-1.
 */
class CrossChecksLedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";
    private static final String SERIES_A = "a".repeat(64);
    private static final String SERIES_B = "b".repeat(64);

    @TempDir
    Path dir;

    private long seq;

    /** An inspection of {@code plate} on {@code station} from {@code from} to {@code to} (Bogotá, same day). */
    private Submission inspection(String station, String plate, String from, String to, SeriesPrint... prints) {
        seq++;
        String center = station.equals("mob-lane") ? "MOB-1" : "CDA-1";
        Submission s = submission(center, station, seq, ResultType.INSPECTION, plate, Verdict.APPROVED);
        s = new Submission(s.messageId(), s.centerId(), s.stationId(), s.keyVersion(), s.seq(), s.type(), s.subject(),
                s.verdict(), bogota(to), s.envelope(), s.payloadJson());
        return s.startingAt(bogota(from), VehicleKind.LIGHT).withSeriesPrints(List.of(prints));
    }

    private static java.time.Instant bogota(String time) {
        return OffsetDateTime.parse("2026-11-17T" + time + "-05:00").toInstant();
    }

    private static Object summary(Outcome o) {
        if (o instanceof Outcome.Accepted a) {
            return a.receipt().furNumber();
        }
        return o instanceof Outcome.Refused r ? r.reasonCode() : o.getClass().getSimpleName();
    }

    private static List<Object> run(Ledger ledger, Submission... submissions) {
        List<Object> out = new ArrayList<>();
        for (Submission s : submissions) {
            out.add(summary(ledger.accept(s)));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aPlateOnTwoLanesAtOverlappingTimesIsRefusedTouchingEndsAreNot(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f.ledger,
                    inspection("lane-1", "ABC123", "09:00:00", "09:20:00"),
                    inspection("lane-2", "ABC123", "09:19:59", "09:40:00"),  // one second of overlap
                    inspection("mob-lane", "ABC123", "08:40:00", "09:00:01"), // another centre, one second
                    inspection("lane-2", "ABC123", "09:20:00", "09:40:00"),  // starts as the first ends
                    inspection("mob-lane", "ABC123", "08:40:00", "09:00:00"), // ends as the first starts
                    inspection("lane-2", "XYZ987", "09:00:00", "09:20:00"),  // another plate
                    inspection("lane-1", "ABC123", "09:10:00", "09:15:00"))) // within its own lane's: not this check
                    .containsExactly(1L, "PLATE_OVERLAP", "PLATE_OVERLAP", 2L, 1L, 3L, 4L);
            assertThat(f.count("SELECT COUNT(*) FROM refusals WHERE reason_code = 'PLATE_OVERLAP'"
                    + " AND detail LIKE 'plate ABC123 was under inspection on station lane-1 of centre CDA-1 from 2026-11-17T09:00 to 2026-11-17T09:20%'"))
                    .isEqualTo(2);
            assertThat(new LedgerVerifier(h.db()).verify().report().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aSeriesAcceptedForOnePlateIsRefusedForAnotherAndAcceptedForTheSamePlate(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            assertThat(run(f.ledger,
                    inspection("lane-1", "ABC123", "08:00:00", "08:20:00", new SeriesPrint("brakes", SERIES_A)),
                    inspection("lane-2", "XYZ987", "09:00:00", "09:20:00", new SeriesPrint("gas", SERIES_B),
                            new SeriesPrint("brakes", SERIES_A)),
                    inspection("lane-1", "ABC123", "10:00:00", "10:20:00", new SeriesPrint("brakes", SERIES_A)), // retest
                    inspection("lane-2", "XYZ987", "11:00:00", "11:20:00", new SeriesPrint("gas", SERIES_B))))
                    .containsExactly(1L, "SERIES_REUSED", 2L, 3L);
            assertThat(f.count("SELECT COUNT(*) FROM result_series WHERE sha256 = '" + SERIES_A + "'")).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM refusals WHERE reason_code = 'SERIES_REUSED'"
                    + " AND detail LIKE 'the brakes series (sha256 aaaaaaaaaaaaaaaa...) equals the brakes series of plate ABC123%'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void aGroupCommitSeesItsOwnEarlierInspections(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            List<Submission> batch = List.of(
                    inspection("lane-1", "ABC123", "09:00:00", "09:20:00", new SeriesPrint("brakes", SERIES_A)),
                    inspection("lane-2", "ABC123", "09:10:00", "09:30:00"),
                    inspection("lane-2", "XYZ987", "09:10:00", "09:30:00", new SeriesPrint("brakes", SERIES_A)));
            List<Object> out = h.db().inTransaction(tx -> {
                List<Object> decided = new ArrayList<>();
                for (Submission s : batch) {
                    decided.add(summary(f.ledger.acceptIn(tx, s)));
                }
                return decided;
            });
            assertThat(out).containsExactly(1L, "PLATE_OVERLAP", "SERIES_REUSED");
        }
    }

    /** Two hubs on one database: the second waits for the first's commit and then sees its inspection. */
    @ParameterizedTest
    @MethodSource(BACKENDS)
    void twoHubsCannotBothAcceptTheSamePlateAtOverlappingTimes(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir); Database secondDb = h.openAnother()) {
            LedgerFixture f = new LedgerFixture(h.db()).seed();
            Ledger second = new Ledger(secondDb, Clock.systemUTC());
            Submission first = inspection("lane-1", "ABC123", "09:00:00", "09:20:00");
            Submission other = inspection("lane-2", "ABC123", "09:10:00", "09:30:00");
            CountDownLatch decided = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> h.db().inTransaction(tx -> {
                Object o = summary(f.ledger.acceptIn(tx, first));
                decided.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return o;
            }));
            assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> two = CompletableFuture.supplyAsync(() -> summary(second.accept(other)));
            Thread.sleep(300);
            assertThat(two).as("the second hub waits for the first one's commit").isNotDone();
            release.countDown();
            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo("PLATE_OVERLAP");
        }
    }
}
