package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.vehicle.VehicleKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the mobile-line check costs. Not JMH: a quick check on the target machine, medians of 5 rounds.
 * (1) the pure rule on an in-memory track; (2) the ledger on SQLite accepting inspections of a fixed CDA's lane and
 * of a scheduled mobile lane whose tracker sent a fix every 10 s ({@code track_fixes} of migration V12, keyed on station
 * and time), one inspection every 10 minutes, 12 hours a day, the line having verified once at the start.
 *
 * <pre>java -cp ... co.rtm.hub.mobile.MobileCheckSpeed [inspections=600]</pre>
 */
public final class MobileCheckSpeed {
    private static final int ROUNDS = 5;
    private static final double[] BOGOTA = {4.5981, -74.0758};

    private MobileCheckSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Municipalities co = Municipalities.colombia();
        System.out.printf("%s %s, %d cores, %d inspections per round%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), n);
        pureRule(co);
        double[] cda = new double[ROUNDS];
        double[] mobile = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double[] both = ledgerRound(n);
            cda[r] = both[0];
            mobile[r] = both[1];
        }
        System.out.printf("ledger on SQLite, fixed CDA lane: median %.0f us per accepted inspection (rounds %s)%n",
                median(cda), Arrays.toString(round(cda)));
        System.out.printf("ledger on SQLite, scheduled mobile lane: median %.0f us per accepted inspection (rounds %s)%n",
                median(mobile), Arrays.toString(round(mobile)));
    }

    private static void pureRule(Municipalities co) {
        Stay stay = new Stay(1, "MOB-1", "11001", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), null);
        Instant start = OffsetDateTime.parse("2026-11-17T09:00:00-05:00").toInstant();
        MemoryTrack track = new MemoryTrack("lane");
        for (int i = 1; i <= 60; i++) {   // ten minutes of fixes since the previous inspection
            track.add(BOGOTA[0], BOGOTA[1], start.minusSeconds(10L * i));
        }
        double[] rates = new double[ROUNDS];
        for (int r = -1; r < ROUNDS; r++) {
            long count = 0;
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                if (MobileAcceptance.check("lane", start, List.of(stay), null, start.minusSeconds(600), track, co,
                        MobileSettings.DEFAULT).isEmpty()) {
                    count++;
                }
            }
            if (r >= 0) {
                rates[r] = count;
            }
        }
        System.out.printf("pure rule, 60 fixes to scan: median %.0f checks/s (rounds %s)%n", median(rates),
                Arrays.toString(round(rates)));
    }

    /** Microseconds per accepted inspection: {CDA lane, mobile lane}. */
    private static double[] ledgerRound(int n) throws Exception {
        Path dir = Files.createTempDirectory("mobile-speed");
        try (Database db = Database.openDefault(dir)) {
            Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA", "F001");
            registry.createCenter("MOB-1", CenterKind.MOBILE, "Linea", "M001");
            registry.createStation("lane-1", "CDA-1", "cda-light@1");
            registry.createStation("mob-lane", "MOB-1", "cda-light@1");
            Instant first = OffsetDateTime.parse("2026-11-02T07:00:00-05:00").toInstant();
            int perDay = 72;
            int days = (n + perDay - 1) / perDay;
            new Schedules(db, Clock.systemUTC(), Municipalities.colombia()).add("MOB-1", "11001",
                    LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01").plusMonths(1).plusDays(days));
            db.inTransaction((Tx tx) -> {
                for (Instant t = first.minusSeconds(3600); t.isBefore(first.plus(Duration.ofDays(days + 1))); t = t.plusSeconds(10)) {
                    StoredFixes.insert(tx, "mob-lane", t, BOGOTA[0], BOGOTA[1]);
                }
                Verifications.record(tx, UUID.randomUUID().toString(), "MOB-1", "mob-lane", first.minusSeconds(1800));
                return null;
            });
            Ledger ledger = new Ledger(db, Clock.systemUTC());
            double cda = run(ledger, "CDA-1", "lane-1", first, n, perDay);
            double mobile = run(ledger, "MOB-1", "mob-lane", first, n, perDay);
            return new double[] {cda, mobile};
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double run(Ledger ledger, String center, String station, Instant first, int n, int perDay) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Instant start = first.plus(Duration.ofDays(i / perDay)).plus(Duration.ofMinutes(10L * (i % perDay)));
            String id = UUID.randomUUID().toString();
            String payload = "{\"messageId\":\"" + id + "\"}";
            Submission s = new Submission(id, center, station, 1, i + 1, ResultType.INSPECTION, station + "-" + i,
                    Verdict.APPROVED, start.plusSeconds(600), payload.getBytes(StandardCharsets.UTF_8), payload)
                    .startingAt(start, VehicleKind.LIGHT);
            Outcome o = ledger.accept(s);
            if (!(o instanceof Outcome.Accepted)) {
                throw new IllegalStateException("not accepted: " + o);
            }
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
