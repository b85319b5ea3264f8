package co.rtm.sim.lane;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code lane}: a simulated lane device on 127.0.0.1 for an agent started by hand ({@code run --lane}). */
@Command(name = "lane", mixinStandardHelpOptions = true,
        description = "Serve simulated vehicles to an edge agent over TCP (one scoring document per line) until stopped.")
public final class LaneCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9750", description = "Loopback port (default ${DEFAULT-VALUE}, the agent's default lane).")
    int port;

    @Option(names = "--profile", defaultValue = "cda-light", description = "Lane profile whose vehicle kinds are sent (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Time between vehicles (default ${DEFAULT-VALUE} ms).")
    long intervalMs;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StationProfile lane = Profiles.builtIn(profile).orElse(null);
        if (lane == null || lane.vehicleKinds().isEmpty()) {
            spec.commandLine().getErr().println("lane: unknown lane profile '" + profile + "' (try cda-light, cda-heavy, cda-motorcycle)");
            return 2;
        }
        if (intervalMs < 0) {
            spec.commandLine().getErr().println("lane: --interval-ms must not be negative");
            return 2;
        }
        try (LaneDevice device = LaneDevice.start(port, new LaneVehicles(seed, lane), Duration.ofMillis(intervalMs))) {
            spec.commandLine().getErr().println("lane: serving " + profile + " vehicles on " + device.url() + " every " + intervalMs + " ms; Ctrl-C stops");
            spec.commandLine().getErr().flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (java.net.BindException e) {
            spec.commandLine().getErr().println("lane: port " + port + " is in use");
            return 2;
        }
        return 0;
    }
}
