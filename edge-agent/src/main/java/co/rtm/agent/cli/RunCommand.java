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
import co.rtm.agent.tracks.TrackSettings;
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
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.login.InspectorsFile;
import co.rtm.agent.login.LaneLogin;
import co.rtm.agent.login.LoginGate;
import co.rtm.agent.login.LoginStore;
import co.rtm.agent.station.AgentOptions;
import co.rtm.agent.station.StartGate;
import java.io.IOException;
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
 * {@code run --bundle FILE --data DIR [--lane tcp://HOST:PORT] [--instruments FILE [--inspectors FILE]]}: runs an inspection lane until SIGTERM or
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

    @Option(names = "--inspectors", paramLabel = "FILE",
            description = "Enrolled inspectors (JSON, written by 'enroll'): they log in and out with the lane "
                    + "file's fingerprint reader. Required when the lane file has one.")
    Path inspectors;

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
        InspectorsFile enrolled = null;
        try {
            station = Bundles.read(bundle);
            feed = laneFeed(lane);
            if (inspectors != null) {
                if (instruments == null) {
                    throw new IllegalArgumentException("--inspectors needs a lane file (--instruments) with a "
                            + "fingerprint: reader");
                }
                enrolled = InspectorsFile.read(inspectors);
                if (enrolled.inspectors().isEmpty()) {
                    throw new IllegalArgumentException(inspectors + ": no inspectors enrolled (edge-agent enroll)");
                }
            }
        } catch (BundleException | IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return 2;
        }
        LaneDisplay display = LaneDisplay.logging(LoggerFactory.getLogger("lane"));
        Instrument fingerprint = null;
        boolean requireLogin = false;
        TrackSettings track = null;
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
            fingerprint = lane.fingerprint().orElse(null);
            track = lane.gps().orElse(null);
            requireLogin = lane.requireLogin();
            if (fingerprint != null && enrolled == null) {
                lane.close();
                err.println("run: " + instruments + ": the lane has a fingerprint reader: give --inspectors FILE");
                return 2;
            }
            if (fingerprint == null && enrolled != null) {
                lane.close();
                err.println("run: --inspectors needs a fingerprint: reader in " + instruments);
                return 2;
            }
            try {
                Scorer scorer = Scorer.builtIn();
                EmergencyStop stop = lane.laneIo().map(LaneIo::emergencyStop).orElseGet(EmergencyStop::new);
                feed = new InstrumentedLaneFeed(feed, lane, Bundles.laneProfile(station),
                        new ScoringInputReader(scorer.rules().catalogue()::contains), stop,
                        display, Clock.systemUTC());
            } catch (BundleException | IllegalArgumentException e) {
                lane.close();
                err.println("run: " + e.getMessage());
                return 2;
            }
        }
        LoginStore logins = null;
        if (fingerprint != null) {
            try {
                logins = LoginStore.open(data);
            } catch (IOException e) {
                feed.close();
                err.println("run: " + e.getMessage());
                return 1;
            }
        }
        StationAgent agent;
        try {
            agent = StationAgent.start(station, data, feed, AgentOptions.defaults(),
                    requireLogin ? new LoginGate(logins, display) : StartGate.OPEN, display, Clock.systemUTC());
        } catch (BundleException e) {
            closeQuietly(logins);
            feed.close();
            err.println("run: " + e.getMessage());
            return 2;
        } catch (OutboxException e) {
            closeQuietly(logins);
            feed.close();
            err.println("run: cannot open the outbox in " + data + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return 1;
        }
        if (fingerprint != null) {
            fingerprint.start(new LaneLogin(enrolled, logins, agent::publishEvent, display));
            out.println("fingerprint login: " + enrolled.inspectors().size() + " inspector(s) enrolled, logged in now: "
                    + (logins.loggedIn().isEmpty() ? "nobody" : String.join(", ", logins.loggedIn().keySet()))
                    + (requireLogin ? "; no vehicle starts while nobody is logged in" : ""));
        }
        if (track != null) {
            agent.recordTrack(track);
            out.println("track: recording the GPS, a batch every " + track.batchEvery().toSeconds() + " s or "
                    + track.batchFixes() + " fixes");
        }
        LoginStore loginsToClose = logins;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping: no new vehicles; closing the uplink and the outbox");
            agent.close();
            closeQuietly(loginsToClose);
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

    private static void closeQuietly(LoginStore logins) {
        if (logins != null) {
            logins.close();
        }
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
