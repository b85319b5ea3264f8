package co.rtm.sim.demo;

import co.rtm.agent.exam.ExamAgent;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.hub.HubServer;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.cale.CaleScenario;
import co.rtm.sim.cale.HubDesk;
import co.rtm.sim.cale.SyntheticCandidate;
import co.rtm.sim.cale.SyntheticCandidates;
import co.rtm.sim.cale.TerminalReply;
import co.rtm.sim.identity.SyntheticRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's CALE: one {@code cale-theory} and one {@code cale-practical} station as {@link ExamAgent}s against the
 * demo's hub, a replica of a few synthetic candidates (some impostors), their CRC/CEA certificates and theory turns
 * registered at the hub. In the background, spread over the demo's duration, each candidate sits the theory; one who
 * passes is booked a practical once the theory result is at the hub, and drives it. Nothing here blocks the lanes.
 */
final class DemoCale implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCale.class);
    static final String CENTER = "CALE-BOG-010";
    static final int CANDIDATES = 12;

    private final HubServer hub;
    private final Path dir;
    private final long seed;
    private final Duration duration;
    private final Thread flow;
    private final List<ExamAgent> agents = new ArrayList<>();
    private final AtomicInteger theorySat = new AtomicInteger();
    private final AtomicInteger practicalDriven = new AtomicInteger();
    private final AtomicInteger refusedAtStation = new AtomicInteger();
    private volatile boolean stopping;
    private CivilRegistryReplica replica;

    private DemoCale(HubServer hub, Path dir, long seed, Duration duration) {
        this.hub = hub;
        this.dir = dir;
        this.seed = seed;
        this.duration = duration;
        this.flow = new Thread(this::run, "demo-cale");
        this.flow.setDaemon(true);
    }

    /** Starts the background flow: provisioning, enrolment, agents, then the candidates. Returns at once. */
    static DemoCale start(HubServer hub, Path dataDir, long seed, Duration duration) throws Exception {
        DemoCale cale = new DemoCale(hub, Files.createDirectories(dataDir.resolve("stations").resolve("cale")), seed, duration);
        cale.flow.start();
        return cale;
    }

    private void run() {
        try {
            long started = System.nanoTime();
            // a scrambled seed: generate(1, ...) happens to make every other candidate an impostor
            List<SyntheticCandidate> candidates = new ArrayList<>(SyntheticCandidates.generate(
                    new java.util.Random(seed).nextLong(), CANDIDATES, 0.1, 0.05));
            if (candidates.stream().noneMatch(c -> c.kind() == SyntheticCandidate.Kind.IMPOSTOR)) {
                // always at least one impostor: the last person presents person 1's document
                SyntheticCandidate last = candidates.remove(CANDIDATES - 1);
                candidates.add(new SyntheticCandidate(SyntheticRegistry.document(1), last.category(), last.fingerPerson(),
                        last.knowledge(), SyntheticCandidate.Kind.IMPOSTOR));
            }
            StationBundle theoryBundle = hub.provision(CENTER, "cal-theory-1", "cale-theory");
            StationBundle practicalBundle = hub.provision(CENTER, "cal-practical-1", "cale-practical");
            Files.write(Files.createDirectories(dir.resolve("theory")).resolve("bundle.json"), Json.write(theoryBundle));
            Files.write(Files.createDirectories(dir.resolve("practical")).resolve("bundle.json"), Json.write(practicalBundle));
            HubDesk desk = new HubDesk(hub.database(), Clock.systemUTC(), CENTER, "D" + seed);
            replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
            SyntheticCandidates.enrol(replica, candidates);
            ExamAgent theory;
            ExamAgent practical;
            synchronized (agents) {
                if (stopping) {
                    return;
                }
                theory = ExamAgent.start(theoryBundle, dir.resolve("theory"), replica, 0,
                        TheoryDrawer.newSeed(new SecureRandom()), Clock.systemUTC());
                agents.add(theory);
                practical = ExamAgent.start(practicalBundle, dir.resolve("practical"), replica, 0, null, Clock.systemUTC());
                agents.add(practical);
            }
            long pace = Math.max(0, (duration.toNanos() - (System.nanoTime() - started)) / CANDIDATES);
            for (int i = 0; i < candidates.size() && !stopping; i++) {
                SyntheticCandidate c = candidates.get(i);
                desk.certify(c);
                String turn = desk.book(c, ExamPart.THEORY);
                TerminalReply t = CaleScenario.theoryRoom("127.0.0.1", theory.port(), List.of(c), seed * 100 + i, x -> turn).get(0);
                theorySat.incrementAndGet();
                if (t.end() == TerminalReply.End.REFUSED) {
                    refusedAtStation.incrementAndGet();
                }
                if ("APPROVED".equals(t.verdict()) && awaitDrained(theory, Duration.ofSeconds(20))) {
                    // the practical is booked once the passed theory is on record at the hub (art. 3.7.3.1.4 par. 2)
                    String pturn = desk.book(c, ExamPart.PRACTICAL);
                    CaleScenario.practicalRoute("127.0.0.1", practical.port(), List.of(c), seed * 100 + i, x -> pturn);
                    practicalDriven.incrementAndGet();
                }
                sleepUntil(started + (i + 1) * pace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("demo CALE stopped: {}", e.toString(), e);
        }
    }

    private boolean awaitDrained(ExamAgent agent, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (agent.outboxPending() > 0 && System.nanoTime() < end && !stopping) {
            Thread.sleep(50);
        }
        return agent.outboxPending() == 0;
    }

    private void sleepUntil(long nanoTime) throws InterruptedException {
        while (!stopping && System.nanoTime() < nanoTime) {
            Thread.sleep(Math.min(200, Math.max(1, (nanoTime - System.nanoTime()) / 1_000_000)));
        }
    }

    /** No new candidate after this; the one at a terminal finishes (bounded wait). */
    void stop() throws InterruptedException {
        stopping = true;
        flow.join(Duration.ofSeconds(30).toMillis());
    }

    long pending() {
        synchronized (agents) {
            return agents.stream().mapToLong(ExamAgent::outboxPending).sum();
        }
    }

    /** What the hub holds of this CALE: accepted exams, CALE certificate numbers, impersonation alerts. */
    record Counts(long examsAccepted, long examCertificates, long impersonationAlerts) {}

    Counts counts() {
        return hub.database().read(tx -> {
            long[] n = new long[3];
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM results WHERE result_type = 'EXAM' AND center_id = ?),"
                    + " (SELECT COUNT(*) FROM results WHERE result_type = 'EXAM' AND center_id = ? AND certificate_kind = 'CALE'),"
                    + " (SELECT COUNT(*) FROM alerts WHERE kind = 'IMPERSONATION' AND center_id = ?)")) {
                ps.setString(1, CENTER);
                ps.setString(2, CENTER);
                ps.setString(3, CENTER);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 3; i++) {
                        n[i] = rs.getLong(i + 1);
                    }
                }
            }
            return new Counts(n[0], n[1], n[2]);
        });
    }

    /** The CALE part of a progress line. */
    String progress() {
        Counts c = counts();
        return String.format(Locale.ROOT, "  CALE: theory %d, practical %d, exams accepted %d (certificates %d), impersonation alerts %d",
                theorySat.get(), practicalDriven.get(), c.examsAccepted(), c.examCertificates(), c.impersonationAlerts());
    }

    int theorySat() {
        return theorySat.get();
    }

    int practicalDriven() {
        return practicalDriven.get();
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (agents) {
            agents.forEach(ExamAgent::close);
            agents.clear();
        }
        try {
            flow.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (replica != null) {
            replica.close();
        }
    }
}
