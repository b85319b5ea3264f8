package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against a plain loopback server that writes hand-built FPR1 frames. */
class NetworkFingerprintReaderTest {

    private static final String IDENTITY = "Acme;FP-500;SN123;1.4.2;2025-06-01;2026-05-31";

    @Test
    void readsIdentityAndCapturesThenReportsTheDropOnceAndReconnects() throws Exception {
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             NetworkFingerprintReader reader = new NetworkFingerprintReader("127.0.0.1", server.getLocalPort(),
                     new FingerprintExtractor(), Duration.ofSeconds(10), Duration.ofMillis(100), Clock.systemUTC())) {
            reader.start(events::add);
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write(Fpr1.text('I', IDENTITY));
                byte[] capture = Fpr1.capture(Fpr1.image("person2.png"), 500);
                out.write(capture, 0, 5000); // a partial write, the rest later
                out.flush();
                Thread.sleep(50);
                out.write(capture, 5000, capture.length - 5000);
                out.flush();
                await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= 2);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 3);
            assertThat(reader.identity()).hasValueSatisfying(id -> assertThat(id.model()).isEqualTo("FP-500"));
            try (Socket again = server.accept()) {
                again.getOutputStream().write(Fpr1.text('E', "back"));
                await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 4);
            }
        }
        assertThat(events.get(1)).isInstanceOf(Reading.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.DISCONNECTED);
            assertThat(f.detail()).contains("closed");
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(Fault.class, f -> assertThat(f.detail()).isEqualTo("back"));
    }

    @Test
    void aSilentConnectionIsATimeout() throws Exception {
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             NetworkFingerprintReader reader = new NetworkFingerprintReader("127.0.0.1", server.getLocalPort(),
                     new FingerprintExtractor(), Duration.ofMillis(300), Duration.ofMillis(100), Clock.systemUTC())) {
            reader.start(events::add);
            try (Socket s = server.accept()) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            }
        }
        assertThat(events.get(0)).isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.TIMEOUT));
    }

    @Test
    void nobodyListeningIsOneDisconnectedFaultNotOneEveryRetry() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (NetworkFingerprintReader reader = new NetworkFingerprintReader("127.0.0.1", port,
                new FingerprintExtractor(), Duration.ofSeconds(1), Duration.ofMillis(20), Clock.systemUTC())) {
            reader.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            Thread.sleep(300);
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.DISCONNECTED));
    }
}
