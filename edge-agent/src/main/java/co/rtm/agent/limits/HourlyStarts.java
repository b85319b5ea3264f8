package co.rtm.agent.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.profiles.config.OpeningWeek;

/**
 * How many inspections this lane started in the latest clock hour (Bogotá) it started any, kept in a small file of
 * the data dir ({@code hour-epoch-second count}) so a restart within the hour still counts them. The hub counts
 * its accepted results per clock hour of their start the same way (art. 3.3.5.2.4). Thread-safe.
 */
public final class HourlyStarts {
    public static final String FILE_NAME = "lane-starts.txt";
    private static final Logger LOG = LoggerFactory.getLogger(HourlyStarts.class);

    private final Path file;
    private Instant hour = Instant.EPOCH;
    private long count;

    private HourlyStarts(Path file) {
        this.file = file;
    }

    /** Reads the count kept in {@code dataDir}; a missing or unreadable file counts nothing. */
    public static HourlyStarts open(Path dataDir) {
        HourlyStarts starts = new HourlyStarts(dataDir.resolve(FILE_NAME));
        try {
            if (Files.exists(starts.file)) {
                String[] parts = Files.readString(starts.file, StandardCharsets.US_ASCII).trim().split(" ");
                starts.hour = Instant.ofEpochSecond(Long.parseLong(parts[0]));
                starts.count = Long.parseLong(parts[1]);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {} ({}); counting this hour's starts from zero", starts.file, e.toString());
        }
        return starts;
    }

    static Instant hourOf(Instant t) {
        return t.atZone(OpeningWeek.BOGOTA).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /** Counts an inspection started at {@code startedAt}; one started in an earlier hour than the last counted is not. */
    public synchronized void started(Instant startedAt) {
        Instant h = hourOf(startedAt);
        if (h.isBefore(hour)) {
            return;
        }
        count = h.equals(hour) ? count + 1 : 1;
        hour = h;
        save();
    }

    /** Inspections started in the clock hour of {@code now}. */
    public synchronized long in(Instant now) {
        return hourOf(now).equals(hour) ? count : 0;
    }

    private void save() {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, hour.getEpochSecond() + " " + count + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save this hour's starts to {}: {}", file, e.toString());
        }
    }
}
