package co.rtm.hub.exam;

import co.rtm.hub.ingest.Prepared;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signed theory exams ingested per second (signature, re-draw and re-score, bookings, certificates, history, capacity,
 * numbering, audit), one transaction per exam ({@code handle}) and in group commits of 50 ({@code prepare} in
 * parallel, one {@code commit}). Exams are pre-built and their candidates' certificates and turns recorded before the
 * clock starts. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <p>Arguments: {@code [sqlite|postgresql] [examsPerRound] [rounds]}; PostgreSQL needs {@code RTM_TEST_PG_URL}.
 */
public final class ExamIngestSpeed {
    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "sqlite";
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("exam-speed");
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            ExamFixture f = new ExamFixture(h.db());
            int[] next = {0};
            run(f, next, perRound, false); // warm-up
            double[] single = new double[rounds];
            double[] grouped = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                single[r] = run(f, next, perRound, false);
                grouped[r] = run(f, next, perRound, true);
                System.out.printf("round %d: one per transaction %.0f exams/s, groups of 50 %.0f exams/s%n", r + 1, single[r], grouped[r]);
            }
            System.out.printf("%s, %d exams per round: median %.0f exams/s one per transaction, %.0f exams/s in groups of 50%n",
                    backend, perRound, median(single), median(grouped));
            long accepted = ExamIngestTest.count(f, "SELECT COUNT(*) FROM exams");
            long refused = ExamIngestTest.count(f, "SELECT COUNT(*) FROM refusals");
            System.out.printf("exams accepted %d, refused %d%n", accepted, refused);
        }
    }

    /** Builds {@code n} exams of fresh candidates 25 minutes apart on alternating stations (never more than 2 at once). */
    private static double run(ExamFixture f, int[] next, int n, boolean grouped) throws Exception {
        List<InboundMessage> messages = new ArrayList<>(n);
        OffsetDateTime base = OffsetDateTime.parse("2026-01-05T06:00:00-05:00");
        for (int i = 0; i < n; i++) {
            int k = next[0]++;
            DocumentId who = DocumentId.parse("CC-" + (10_000_000 + k));
            f.certify(who, LicenceCategory.B1, LocalDate.of(2025, 12, 1).plusDays(k / 300));
            OffsetDateTime start = base.plusMinutes(25L * k);
            String turn = f.book("CALE-1", who, LicenceCategory.B1, ExamPart.THEORY, false, start);
            messages.add(f.inbound(f.theory(k % 2 == 0 ? "theory-1" : "theory-2", "CALE-1", who, LicenceCategory.B1, turn,
                    start, k % 5 == 0 ? 8 : 2)));
        }
        long t0 = System.nanoTime();
        if (grouped) {
            for (int i = 0; i < n; i += 50) {
                List<Prepared> batch = messages.subList(i, Math.min(n, i + 50)).parallelStream().map(f.ingestor::prepare).toList();
                f.ingestor.commit(batch);
            }
        } else {
            messages.forEach(f.ingestor::handle);
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
