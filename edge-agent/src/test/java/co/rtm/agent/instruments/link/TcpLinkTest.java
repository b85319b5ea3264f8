package co.rtm.agent.instruments.link;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpLinkTest {

    @Test
    void readsInOrderTimesOutWithZeroAndEndsWithMinusOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpLink link = TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
             Socket peer = server.accept()) {
            assertThat(link.describe()).isEqualTo("tcp://127.0.0.1:" + server.getLocalPort());

            byte[] sent = new byte[10_000];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = (byte) i;
            }
            OutputStream out = peer.getOutputStream();
            out.write(sent);
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[333];
            while (got.size() < sent.length) {
                int n = link.read(buf, Duration.ofSeconds(2));
                assertThat(n).isPositive();
                got.write(buf, 0, n);
            }
            assertThat(got.toByteArray()).isEqualTo(sent);

            long t0 = System.nanoTime();
            assertThat(link.read(buf, Duration.ofMillis(120))).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(100L);

            link.write(new byte[] {'Q', '\n'});
            byte[] cmd = peer.getInputStream().readNBytes(2);
            assertThat(cmd).containsExactly('Q', '\n');

            peer.close();
            assertThat(link.read(buf, Duration.ofSeconds(2))).isEqualTo(-1);
        }
    }

    @Test
    void closingFromAnotherThreadEndsTheRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpLink link = TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2))) {
            new Thread(() -> {
                sleep(100);
                link.close();
            }).start();
            assertThat(link.read(new byte[8], Duration.ofSeconds(5))).isEqualTo(-1);
        }
    }

    @Test
    void refusedConnectionNamesTheDeviceServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> TcpLink.connect("127.0.0.1", port, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("tcp://127.0.0.1:" + port);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
