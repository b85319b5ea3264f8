package co.rtm.agent.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.time.Clock;
import co.rtm.agent.inspection.InstrumentedLaneFeed;
import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.inspection.LaneInstruments;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.instruments.lane.LaneIo;
import co.rtm.agent.instruments.lane.LaneIoException;
import co.rtm.agent.instruments.lane.Pi4jContexts;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.Scorer;
import org.slf4j.LoggerFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.outbox.OutboxException;
import co.rtm.agent.station.BundleException;
import co.rtm.agent.station.Bundles;
import co.rtm.agent.station.StationAgent;
import co.rtm.agent.station.StationStats;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.wire.StationBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run --bundle FILE --data DIR [--lane tcp://HOST:PORT]}: runs an inspection lane until SIGTERM or
 * Ctrl-C, printing a progress line every few seconds. A bundle that cannot be used is one line on stderr and
 * exit 2. On shutdown the station stops taking vehicles, stores the one in hand, and disconnects cleanly.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an inspection lane: read the lane, score locally, store, sign and send to the hub.")
public final class RunCommand implements Callable<Integer> {

    /** Where the simulated lane device listens when {@code --lane} is not given. */
    public static final String DEFAULT_LANE = "tcp://127.0.0.1:9750";

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "Provisioning bundle from the hub.")
    Path bundle;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Station data dir (the outbox lives here).")
    Path data;

    @Option(names = "--lane", paramLabel = "tcp://HOST:PORT", defaultValue = DEFAULT_LANE,
            description = "Lane device to read vehicles from (default: ${DEFAULT-VALUE}).")
    String lane;

    @Option(names = "--instruments", paramLabel = "FILE",
            description = "Lane instruments (YAML): measurements are read from them, and --lane only sends the "
                    + "vehicle, its sensory findings and inspectors. Without it, --lane sends whole documents.")
    Path instruments;

    @Option(names = "--progress-seconds", paramLabel = "N", defaultValue = "5",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    private final PrintStream out;
    private final PrintStream err;
    private final Pi4jContexts pi4j;

    public RunCommand() {
        this(System.out, System.err);
    }

    RunCommand(PrintStream out, PrintStream err) {
        this(out, err, Pi4jContexts.raspberryPi());
    }

    /** @param pi4j makes the Pi4J context when the lane file has lane I/O or a BH1750 (tests: the mock platform) */
    RunCommand(PrintStream out, PrintStream err, Pi4jContexts pi4j) {
        this.out = out;
        this.err = err;
        this.pi4j = pi4j;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (progressSeconds < 1) {
            err.println("run: --progress-seconds must be at least 1");
            return 2;
        }
        StationBundle station;
        LaneFeed feed;
        try {
            station = Bundles.read(bundle);
            feed = laneFeed(lane);
        } catch (BundleException | IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return 2;
        }
        if (instruments != null) {
            LaneInstruments lane;
            try {
                lane = LaneInstruments.open(instruments, pi4j);
            } catch (IllegalArgumentException e) {
                err.println("run: " + e.getMessage());
                return 2;
            } catch (LaneIoException e) {
                err.println("run: lane I/O: " + e.getMessage());
                return 2;
            }
            try {
                Scorer scorer = Scorer.builtIn();
                EmergencyStop stop = lane.laneIo().map(LaneIo::emergencyStop).orElseGet(EmergencyStop::new);
                feed = new InstrumentedLaneFeed(feed, lane, Bundles.laneProfile(station),
                        new ScoringInputReader(scorer.rules().catalogue()::contains), stop,
                        LaneDisplay.logging(LoggerFactory.getLogger("lane")), Clock.systemUTC());
            } catch (BundleException | IllegalArgumentException e) {
                lane.close();
                err.println("run: " + e.getMessage());
                return 2;
            }
        }
        StationAgent agent;
        try {
            agent = StationAgent.start(station, data, feed);
        } catch (BundleException e) {
            feed.close();
            err.println("run: " + e.getMessage());
            return 2;
        } catch (OutboxException e) {
            feed.close();
            err.println("run: cannot open the outbox in " + data + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping: no new vehicles; closing the uplink and the outbox");
            agent.close();
            out.println(progress(agent.stats(), -1, "stopped"));
            out.flush();
            stopped.countDown();
        }, "run-shutdown"));
        out.println("station " + station.centerId() + "/" + station.stationId() + " running: profile "
                + station.profile() + ", lane " + lane + (instruments == null ? "" : ", instruments " + instruments) + ", hub " + station.mqtt().url() + ", data " + data);
        while (!stopped.await(progressSeconds, TimeUnit.SECONDS)) {
            long pending;
            try {
                pending = agent.outboxPending();
            } catch (OutboxException e) {
                continue; // closing
            }
            out.println(progress(agent.stats(), pending, agent.connected() ? "online" : "offline"));
        }
        return 0;
    }

    static TcpLaneFeed laneFeed(String uri) {
        try {
            URI u = new URI(uri);
            if (!"tcp".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1
                    || (u.getPath() != null && !u.getPath().isEmpty())) {
                throw new IllegalArgumentException("--lane must be tcp://HOST:PORT, got " + uri);
            }
            return new TcpLaneFeed(u.getHost(), u.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--lane must be tcp://HOST:PORT, got " + uri);
        }
    }

    static String progress(StationStats s, long pending, String link) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%s: scored %d (approved %d, rejected %d, incomplete %d), refused %d, lane faults %d",
                link, s.scoredTotal(), s.scored(Verdict.APPROVED), s.scored(Verdict.REJECTED),
                s.scored(Verdict.INCOMPLETE), s.refusedLocally(), s.laneFaults()));
        if (pending >= 0) {
            b.append(", pending in outbox ").append(pending);
        }
        b.append(", acked ").append(s.acked()).append(", rejected by hub ").append(s.rejectedByHub());
        if (s.waiting() != null) {
            b.append(" | WAITING: ").append(s.waiting());
        }
        return b.toString();
    }
}
