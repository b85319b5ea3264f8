package co.rtm.agent.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import co.rtm.agent.metrology.MetrologicalVerification;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.outbox.Stamp;
import co.rtm.agent.station.BundleException;
import co.rtm.agent.station.Bundles;
import co.rtm.profiles.wire.StationBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verification}: records a metrological verification (art. 3.3.3.8) as a signed VERIFICATION event in the
 * station's outbox; a running agent on the same data directory sends it on its next poll, or the next start does.
 */
@Command(name = "verification", mixinStandardHelpOptions = true,
        description = "Record a metrological verification (signed VERIFICATION event) in the station's outbox.")
public final class VerificationCommand implements Callable<Integer> {
    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The station bundle (JSON).")
    Path bundle;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The station's data directory (its outbox).")
    Path data;

    @Option(names = "--instrument", required = true, description = "What was verified, e.g. \"linea completa\".")
    String instrument;

    @Option(names = "--serial", description = "The instrument's serial number.")
    String serial;

    @Option(names = "--note", description = "Free text: who verified, with which pattern.")
    String note;

    private final PrintStream out;
    private final PrintStream err;

    public VerificationCommand() {
        this(System.out, System.err);
    }

    VerificationCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        StationBundle station;
        try {
            station = Bundles.read(bundle);
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("--data " + data + ": not a directory");
            }
            var event = MetrologicalVerification.event(instrument, serial, note);
            try (Outbox outbox = Outbox.open(data, OutboxConfig.defaults())) {
                Stamp stamp = MetrologicalVerification.append(outbox, station, event);
                out.println("verification stored as seq " + stamp.seq() + " (" + stamp.messageId() + ") for "
                        + station.stationId() + " at " + stamp.createdAt());
                return 0;
            }
        } catch (BundleException | IllegalArgumentException e) {
            err.println("verification: " + e.getMessage());
            return 2;
        } catch (OutboxFullException e) {
            err.println("verification: the outbox is full: " + e.getMessage());
            return 1;
        }
    }
}
