package co.rtm.sim.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.FingerprintCapture;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;
import co.rtm.agent.instruments.fingerprint.NetworkFingerprintReader;
import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints.Placement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Synthetic print -> FPR1 frame -> loopback TCP -> the agent's NetworkFingerprintReader -> template. */
class SimulatedFingerprintDeviceTest {

    private static final String IDENTITY = "RTM-Sim;FP-1;SIM-0001;0.1;2026-01-01;2026-12-31";

    /** The smallest device server: ticks the device every 20 ms and writes what it says to the one client. */
    private static Thread serve(ServerSocket server, SimulatedFingerprintDevice device) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                device.connected();
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(device.tick(Instant.now()));
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // test over
            }
        }, "fpr1 device server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aPersonsCaptureCrossesTheWireAndMatchesTheirEnrolmentButNotAnotherPersons() throws Exception {
        SimulatedFingerprintDevice device = new SimulatedFingerprintDevice(IDENTITY, 42);
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NetworkFingerprintReader reader = new NetworkFingerprintReader("127.0.0.1", server.getLocalPort(),
                     new FingerprintExtractor(), Duration.ofSeconds(15), Duration.ofMillis(100), Clock.systemUTC())) {
            Thread t = serve(server, device);
            reader.start(events::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.identity().isPresent());
            device.present(7);
            device.corruptNextCapture();
            device.present(7);
            device.reportError("finger moved");
            await().atMost(Duration.ofSeconds(60)).until(() -> events.size() >= 4);
            t.interrupt();
        }
        assertThat(events.get(0)).isInstanceOfSatisfying(Identified.class,
                i -> assertThat(i.identity().serial()).isEqualTo("SIM-0001"));
        FingerprintCapture capture = (FingerprintCapture) ((Reading) events.get(1)).sample();
        assertThat(capture.dpi()).isEqualTo(500);
        assertThat(events.get(2)).isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_CHECKSUM));
        assertThat(events.get(3)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.DEVICE_ERROR);
            assertThat(f.detail()).isEqualTo("finger moved");
        });

        byte[] enrolled7 = SyntheticFingerprintsTest.template(7, Placement.EXACT);
        byte[] enrolled8 = SyntheticFingerprintsTest.template(8, Placement.EXACT);
        assertThat(FingerprintMatcher.score(capture.template(), enrolled7).matches()).isTrue();
        assertThat(FingerprintMatcher.score(capture.template(), enrolled8).matches()).isFalse();
    }

    @Test
    void identityFirstOnEveryConnectionAndHeartbeatsWhenIdle() {
        SimulatedFingerprintDevice device = new SimulatedFingerprintDevice(IDENTITY, 1);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        byte[] first = device.tick(t0);
        assertThat(first[4]).isEqualTo((byte) 'I');
        assertThat(device.tick(t0.plusSeconds(1))).isEmpty();
        byte[] heartbeat = device.tick(t0.plusSeconds(5));
        assertThat(heartbeat).hasSize(13);
        assertThat(heartbeat[4]).isEqualTo((byte) 'H');
        device.connected();
        assertThat(device.tick(t0.plusSeconds(6))[4]).isEqualTo((byte) 'I');
    }
}
