package co.rtm.sim.lane;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lane}: a simulated lane on 127.0.0.1 for an agent started by hand. Without {@code --instruments} it
 * sends whole scoring documents ({@code run --lane}); with it, it also serves one simulated instrument per test
 * and writes the agent's instruments file ({@code run --lane URL --instruments FILE}).
 */
@Command(name = "lane", mixinStandardHelpOptions = true,
        description = "Serve simulated vehicles (and, with --instruments, the lane's instruments) to an edge agent on 127.0.0.1 until stopped.")
public final class LaneCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9750", description = "Loopback port of the lane (default ${DEFAULT-VALUE}, the agent's default lane).")
    int port;

    @Option(names = "--profile", defaultValue = "cda-light", description = "Lane profile whose vehicle kinds are sent (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Time between vehicles (default ${DEFAULT-VALUE} ms); with --instruments, the next vehicle also waits for the agent to open every test of the last one.")
    long intervalMs;

    @Option(names = "--instruments", paramLabel = "FILE",
            description = "Also serve the lane's instruments (brake tester, gas analyser, ...) on free loopback ports, write the agent's instruments file to FILE, and send vehicles without measurements.")
    Path instruments;

    @Option(names = "--stream-all", description = "With --instruments: send no vehicles; every streamed instrument plays one vehicle after another without pause (to measure an agent's load).")
    boolean streamAll;

    @Option(names = "--test-deadline-seconds", defaultValue = "300", description = "With --instruments: the deadline per test written to FILE (default ${DEFAULT-VALUE}).")
    int testDeadlineSeconds;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        StationProfile lane = Profiles.builtIn(profile).orElse(null);
        if (lane == null || lane.vehicleKinds().isEmpty()) {
            err.println("lane: unknown lane profile '" + profile + "' (try cda-light, cda-heavy, cda-motorcycle)");
            return 2;
        }
        if (intervalMs < 0) {
            err.println("lane: --interval-ms must not be negative");
            return 2;
        }
        if (streamAll && instruments == null) {
            err.println("lane: --stream-all needs --instruments FILE");
            return 2;
        }
        if (testDeadlineSeconds < 1) {
            err.println("lane: --test-deadline-seconds must be at least 1");
            return 2;
        }
        try {
            if (instruments != null) {
                return instrumented(lane, err);
            }
            try (LaneDevice device = LaneDevice.start(port, new LaneVehicles(seed, lane), Duration.ofMillis(intervalMs))) {
                err.println("lane: serving " + profile + " vehicles on " + device.url() + " every " + intervalMs + " ms; Ctrl-C stops");
                err.flush();
                awaitShutdown();
            }
        } catch (java.net.BindException e) {
            err.println("lane: port " + port + " is in use");
            return 2;
        }
        return 0;
    }

    private int instrumented(StationProfile lane, PrintWriter err) throws IOException, InterruptedException {
        try (InstrumentedLane sim = streamAll ? InstrumentedLane.streaming(lane, seed)
                : InstrumentedLane.start(lane, seed, Duration.ofMillis(intervalMs), port)) {
            try {
                sim.writeInstruments(instruments, testDeadlineSeconds);
            } catch (IOException e) {
                err.println("lane: cannot write " + instruments + ": " + e.getMessage());
                return 2;
            }
            if (streamAll) {
                err.println("lane: every instrument of a " + profile + " lane streams without pause; instruments file "
                        + instruments + "; no vehicles are sent; Ctrl-C stops");
            } else {
                err.println("lane: serving " + profile + " vehicles on " + sim.receptionUrl() + " and their instruments; "
                        + "instruments file " + instruments + "; Ctrl-C stops");
            }
            err.flush();
            awaitShutdown();
        }
        return 0;
    }

    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
    }
}
