package co.rtm.agent.instruments.link;

import co.rtm.agent.instruments.ByteLink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A captured byte stream played back: {@link #read} returns it in chunks of at most {@code chunk} bytes (the
 * chunking stands in for the partial reads of a live wire), then -1. Commands written to it are dropped.
 */
public final class ReplayLink implements ByteLink {

    private final byte[] bytes;
    private final int chunk;
    private final String source;
    private int pos;
    private volatile boolean closed;

    private ReplayLink(byte[] bytes, int chunk, String source) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1 byte, was " + chunk);
        }
        this.bytes = bytes;
        this.chunk = chunk;
        this.source = source;
    }

    /** Replay the whole of {@code file}. */
    public static ReplayLink of(Path file, int chunk) throws IOException {
        return new ReplayLink(Files.readAllBytes(file), chunk, file.toString());
    }

    /** Replay {@code bytes} (copied). */
    public static ReplayLink of(byte[] bytes, int chunk) {
        return new ReplayLink(bytes.clone(), chunk, "memory");
    }

    @Override
    public synchronized int read(byte[] buf, Duration timeout) {
        if (closed || pos >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(chunk, buf.length), bytes.length - pos);
        System.arraycopy(bytes, pos, buf, 0, n);
        pos += n;
        return n;
    }

    @Override
    public void write(byte[] data) {
        // a recording cannot answer: commands are dropped
    }

    @Override
    public String describe() {
        return "replay:" + source;
    }

    @Override
    public void close() {
        closed = true;
    }
}
