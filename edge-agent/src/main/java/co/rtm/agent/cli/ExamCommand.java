package co.rtm.agent.cli;

import co.rtm.agent.exam.ExamAgent;
import co.rtm.agent.exam.ExamStationOptions;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.outbox.OutboxException;
import co.rtm.agent.station.BundleException;
import co.rtm.agent.station.Bundles;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.wire.StationBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code exam --bundle FILE --data DIR --registry DB [--port N] [--draw-seed HEX] [--match-threshold SCORE]
 * [--fingerprint tcp://HOST:PORT]}: runs a CALE theory room or
 * practical station (by the bundle's profile) until SIGTERM, candidate terminals or examiner consoles connecting
 * on 127.0.0.1:PORT with the line protocol of docs/cale-stations.md. Prints {@code listening <port>} once ready.
 */
@Command(name = "exam", mixinStandardHelpOptions = true,
        description = "Run a CALE exam station (cale-theory or cale-practical bundle): terminals connect over TCP.")
public final class ExamCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "Provisioning bundle from the hub.")
    Path bundle;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Station data dir (the outbox lives here).")
    Path data;

    @Option(names = "--registry", required = true, paramLabel = "DB", description = "The Registraduría replica (SQLite, 'identity enrol').")
    Path registry;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9760", description = "Terminal port on 127.0.0.1; 0 picks one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--draw-seed", paramLabel = "HEX", description = "Theory room session seed, 32-128 lower-case hex digits (default: random).")
    String drawSeed;

    @Option(names = "--match-threshold", paramLabel = "SCORE", description = "Fingerprint match threshold (SourceAFIS score) overriding the profile's identity.matchThreshold.")
    Double matchThreshold;

    @Option(names = "--fingerprint", paramLabel = "tcp://HOST:PORT", description = "Take fingerprints from an FPR1 reader on a device server instead of the terminals' FINGER line (photos then come over the PHOTO line).")
    String fingerprint;

    private final PrintStream out;
    private final PrintStream err;

    public ExamCommand() {
        this(System.out, System.err);
    }

    ExamCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            err.println("exam: --port must be 0-65535");
            return 2;
        }
        String seed;
        try {
            seed = TheoryDrawer.requireSeed(drawSeed == null ? TheoryDrawer.newSeed(new SecureRandom()) : drawSeed);
        } catch (IllegalArgumentException e) {
            err.println("exam: --draw-seed: " + e.getMessage());
            return 2;
        }
        ExamStationOptions options;
        try {
            options = new ExamStationOptions(matchThreshold,
                    fingerprint == null ? null : ExamStationOptions.fingerprintUri(fingerprint));
        } catch (IllegalArgumentException e) {
            err.println("exam: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(registry)) {
            err.println("exam: --registry " + registry + ": no such file");
            return 2;
        }
        StationBundle station;
        try {
            station = Bundles.readExam(bundle);
        } catch (BundleException e) {
            err.println("exam: " + e.getMessage());
            return 2;
        }
        CivilRegistryReplica replica;
        try {
            replica = CivilRegistryReplica.open(registry);
        } catch (IOException e) {
            err.println("exam: " + e.getMessage());
            return 2;
        }
        ExamAgent agent;
        try {
            agent = ExamAgent.start(station, data, replica, port, seed, Clock.systemUTC(), options);
        } catch (BundleException e) {
            replica.close();
            err.println("exam: " + e.getMessage());
            return 2;
        } catch (IOException | OutboxException e) {
            replica.close();
            err.println("exam: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            replica.close();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "exam-shutdown"));
        out.println("exam station " + station.centerId() + "/" + station.stationId() + " profile " + station.profile()
                + ", registry " + replica.size() + " citizen(s), draw seed " + seed);
        out.println("listening " + agent.port());
        out.flush();
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            try {
                out.println((agent.connected() ? "online" : "offline") + ": pending in outbox " + agent.outboxPending());
            } catch (OutboxException e) {
                // closing
            }
        }
        return 0;
    }
}
