package co.rtm.agent.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The line protocol and the reconnecting client, against a plain ServerSocket. */
class TcpLaneFeedTest {

    private static final String DOC = "{\"testedAt\":\"2026-11-20T10:15:00-05:00\",\"vehicle\":{\"plate\":\"ABC123\"},"
            + "\"measurements\":{}}";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final TcpLaneFeed feed;

    TcpLaneFeedTest() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
        feed = new TcpLaneFeed("127.0.0.1", server.getLocalPort());
    }

    @AfterEach
    void tearDown() throws IOException {
        feed.close();
        server.close();
    }

    /** Accepts the feed's connection in the background while {@link #next} drives the connect. */
    private Socket accept() throws Exception {
        Socket[] accepted = new Socket[1];
        Thread t = new Thread(() -> {
            try {
                accepted[0] = server.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        assertThat(feed.next(Duration.ofMillis(300))).isEmpty();
        t.join(10_000);
        return accepted[0];
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void readsOneReadingPerLineWithTheLaneMembersTakenOut() throws Exception {
        try (Socket s = accept()) {
            write(s, "\n" + DOC.replace("{\"testedAt\"", "{\"startedAt\":\"2026-11-20T10:00:00-05:00\","
                    + "\"inspectors\":[\"CC-1\"],\"testedAt\"") + "\r\n" + DOC + "\n");
            LaneReading first = feed.next(WAIT).orElseThrow();
            assertThat(first.startedAt()).hasToString("2026-11-20T10:00-05:00");
            assertThat(first.inspectors()).containsExactly("CC-1");
            assertThat(first.document().has("startedAt")).isFalse();
            assertThat(first.document().has("inspectors")).isFalse();
            LaneReading second = feed.next(WAIT).orElseThrow();
            assertThat(second.startedAt()).as("testedAt when startedAt is absent").hasToString("2026-11-20T10:15-05:00");
            assertThat(second.inspectors()).isEmpty();
            assertThat(feed.next(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void aBadLineIsAFaultAndTheNextLineStillReads() throws Exception {
        try (Socket s = accept()) {
            write(s, "not json\n{\"a\":1} trailing\n[1,2]\n" + DOC + "\n");
            assertThatThrownBy(() -> feed.next(WAIT)).isInstanceOf(LaneFaultException.class).hasMessageContaining("not JSON");
            assertThatThrownBy(() -> feed.next(WAIT)).isInstanceOf(LaneFaultException.class).hasMessageContaining("not JSON");
            assertThatThrownBy(() -> feed.next(WAIT)).isInstanceOf(LaneFaultException.class).hasMessageContaining("not a JSON object");
            assertThat(feed.next(WAIT)).isPresent();
        }
    }

    @Test
    void anOverlongLineIsDiscardedUpToItsNewline() throws Exception {
        try (Socket s = accept()) {
            write(s, "{\"x\":\"" + "a".repeat(TcpLaneFeed.MAX_LINE_BYTES + 10) + "\"}\n" + DOC + "\n");
            assertThatThrownBy(() -> feed.next(WAIT)).isInstanceOf(LaneFaultException.class).hasMessageContaining("longer than");
            assertThat(feed.next(WAIT)).isPresent();
        }
    }

    @Test
    void reconnectsWhenTheDeviceDropsAndReportsALineCutOff() throws Exception {
        try (Socket s = accept()) {
            write(s, DOC + "\n{\"testedAt\":");
            assertThat(feed.next(WAIT)).isPresent();
        }
        assertThatThrownBy(() -> feed.next(WAIT)).isInstanceOf(LaneFaultException.class)
                .hasMessageContaining("dropped in the middle of a line");
        Thread device = new Thread(() -> { // the device comes back and sends the next vehicle
            try (Socket again = server.accept()) {
                write(again, DOC + "\n");
                again.getInputStream().read(); // until the feed hangs up
            } catch (IOException ignored) {
                // test over
            }
        });
        device.start();
        Optional<LaneReading> r = Optional.empty(); // the feed reconnects on its own, after a short backoff
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (r.isEmpty() && System.nanoTime() < deadline) {
            r = feed.next(Duration.ofMillis(200));
        }
        assertThat(r).isPresent();
        feed.close();
        device.join(5_000);
    }
}
