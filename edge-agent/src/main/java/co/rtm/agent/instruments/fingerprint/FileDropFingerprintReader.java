package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fingerprint reader whose vendor capture software drops one {@code *.png} per capture into a directory.
 * The directory is polled; a file is taken once its size and modification time held still between two polls
 * (so a file still being written is not read half-way; capture software that writes {@code x.tmp} and
 * renames it to {@code x.png} is safer still, as other names are never read), oldest first. Each file is one capture, processed
 * once: it becomes a reading and moves to {@code done/}, or a fault and moves to {@code bad/} next to a
 * {@code .txt} saying why. A name already taken in {@code done/} or {@code bad/} gets a numeric suffix.
 * A missing or unreadable directory is one {@link FaultKind#DISCONNECTED} fault until it is back. The vendor
 * software reports no identity, so {@link #identity()} is the one configured, if any.
 */
public final class FileDropFingerprintReader implements Instrument {

    private record Seen(long size, long modified) {}

    private final Path dir;
    private final double dpi;
    private final FingerprintExtractor extractor;
    private final Duration pollInterval;
    private final DeviceIdentity identity;
    private final Clock clock;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Set<Path> unmovable = new HashSet<>();
    private volatile boolean closed;
    private Thread thread;

    public FileDropFingerprintReader(Path dir, double dpi, FingerprintExtractor extractor) {
        this(dir, dpi, extractor, Duration.ofMillis(250), null, Clock.systemUTC());
    }

    /** @param identity what the configuration says the device is, or null */
    public FileDropFingerprintReader(Path dir, double dpi, FingerprintExtractor extractor, Duration pollInterval,
                                     DeviceIdentity identity, Clock clock) {
        this.dir = dir;
        this.dpi = dpi;
        this.extractor = extractor;
        this.pollInterval = pollInterval;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.FINGERPRINT;
    }

    @Override
    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public synchronized void start(Consumer<InstrumentEvent> listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(() -> run(listener), "fingerprint drop " + dir);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<InstrumentEvent> out) {
        boolean down = false;
        while (!closed) {
            try {
                pollOnce(out);
                down = false;
            } catch (IOException e) {
                if (!down) {
                    out.accept(new Fault(clock.instant(), FaultKind.DISCONNECTED, "capture directory " + dir
                            + " unreadable: " + e));
                    down = true;
                }
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One poll: take every file that held still since the previous poll. Package-private for tests. */
    void pollOnce(Consumer<InstrumentEvent> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory");
        }
        List<Path> stable = new ArrayList<>();
        Map<Path, Seen> now = new HashMap<>();
        Map<Path, Long> modified = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") || unmovable.contains(p)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                Seen seen = new Seen(a.size(), a.lastModifiedTime().toMillis());
                now.put(p, seen);
                modified.put(p, seen.modified());
                if (seen.equals(pending.get(p))) {
                    stable.add(p);
                }
            }
        }
        pending.clear();
        pending.putAll(now);
        stable.sort(Comparator.comparing((Path p) -> modified.get(p)).thenComparing(Path::toString));
        for (Path p : stable) {
            if (closed) {
                return;
            }
            pending.remove(p);
            take(p, out);
        }
    }

    private void take(Path file, Consumer<InstrumentEvent> out) {
        InstrumentEvent event;
        try {
            event = extractor.fromImage(Files.readAllBytes(file), dpi, clock.instant());
        } catch (IOException e) {
            event = new Fault(clock.instant(), FaultKind.BAD_FRAME, "cannot read " + file.getFileName() + ": " + e);
        }
        boolean good = event instanceof Reading;
        try {
            Path target = move(file, dir.resolve(good ? "done" : "bad"));
            if (!good) {
                Files.writeString(target.resolveSibling(target.getFileName() + ".txt"),
                        ((Fault) event).detail() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            unmovable.add(file); // never read it twice, even if it cannot leave the directory
            out.accept(new Fault(clock.instant(), FaultKind.DEVICE_ERROR, "cannot move " + file.getFileName()
                    + " out of the capture directory: " + e));
        }
        if (event instanceof Fault f) {
            out.accept(new Fault(f.at(), f.kind(), file.getFileName() + ": " + f.detail()));
        } else {
            out.accept(event);
        }
    }

    private static Path move(Path file, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        String name = file.getFileName().toString();
        Path target = toDir.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int i = 1; Files.exists(target); i++) {
            target = toDir.resolve(name.substring(0, dot) + "-" + i + name.substring(dot));
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
