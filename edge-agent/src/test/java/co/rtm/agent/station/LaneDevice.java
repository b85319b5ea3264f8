package co.rtm.agent.station;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A simulated lane device for tests: a TCP server on 127.0.0.1 that writes each queued line to the connected
 * agent, accepting a new connection whenever the previous one ends.
 */
final class LaneDevice implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("../docs/examples/inspection-light-gasoline.json");

    private final ServerSocket server;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    LaneDevice() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "lane-device");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Queues one raw line (the newline is added). */
    void send(String line) {
        lines.add(line);
    }

    /** The example light gasoline vehicle with {@code plate}, plus the lane's startedAt and inspectors. */
    static String vehicle(String plate) throws IOException {
        return vehicle(plate, "light");
    }

    static String vehicle(String plate, String kind) throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Files.readString(EXAMPLE));
        ((ObjectNode) doc.get("vehicle")).put("plate", plate).put("kind", kind);
        doc.put("startedAt", "2026-11-20T10:01:00-05:00");
        doc.putArray("inspectors").add("CC-1010");
        return MAPPER.writeValueAsString(doc);
    }

    int queued() {
        return lines.size();
    }

    private void serve() {
        while (!closed) {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                // The agent never writes: a read that ends means it hung up. Stop writing then, or the next
                // line would go into a dead connection and be lost (the protocol has no acknowledgement).
                java.util.concurrent.atomic.AtomicBoolean alive = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread watcher = new Thread(() -> {
                    try {
                        while (s.getInputStream().read() >= 0) {
                            // ignore
                        }
                    } catch (IOException ignored) {
                        // gone
                    }
                    alive.set(false);
                }, "lane-device-watch");
                watcher.setDaemon(true);
                watcher.start();
                while (!closed && alive.get()) {
                    String line = lines.poll(100, TimeUnit.MILLISECONDS);
                    if (line == null) {
                        continue;
                    }
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection ended (or closing): accept the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
