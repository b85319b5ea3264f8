package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.link.ReplayLink;
import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.agent.instruments.link.SocatPair;
import co.rtm.agent.instruments.link.TcpLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class LinkedInstrumentTest {

    private static final String ID_LINE = "ID,Acme,SL-1,SN42,1.0,2025-03-01,2099-12-31\n";

    private final List<InstrumentEvent> events = new CopyOnWriteArrayList<>();

    // --- over loopback TCP -------------------------------------------------------------------------------

    @Test
    void identifiesPollsAndDeliversReadingsOverTcp() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            LinkedInstrument instrument = LinkedInstrument
                    .builder(LineDecoder::new, () -> TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1)))
                    .identifyWith(ascii("ID?\n"))
                    .poll(ascii("P\n"), Duration.ofMillis(50))
                    .threadName("instrument-sound-test")
                    .build();
            assertThat(instrument.kind()).isEqualTo(InstrumentKind.SOUND);
            assertThat(instrument.identity()).isEmpty();
            instrument.start(events::add);
            try (instrument; Socket device = server.accept()) {
                BufferedReader in = reader(device);
                assertThat(in.readLine()).isEqualTo("ID?");
                OutputStream out = device.getOutputStream();
                out.write(ascii(ID_LINE + "V,71.5\nV,72\n"));
                out.flush();
                for (int i = 0; i < 3; i++) {
                    assertThat(in.readLine()).isEqualTo("P");
                }
                await().atMost(Duration.ofSeconds(3)).until(() -> readings().size() == 2);
                assertThat(readings()).containsExactly(71.5, 72.0);
                assertThat(events.get(0)).isInstanceOf(Identified.class);
                assertThat(instrument.identity()).hasValueSatisfying(id -> assertThat(id.serial()).isEqualTo("SN42"));
                assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("instrument-sound-test"));
            }
        }
    }

    @Test
    void oneTimeoutPerSilence() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            LinkedInstrument instrument = LinkedInstrument
                    .builder(LineDecoder::new, () -> TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1)))
                    .silence(Duration.ofMillis(150))
                    .build();
            instrument.start(events::add);
            try (instrument; Socket device = server.accept()) {
                OutputStream out = device.getOutputStream();
                out.write(ascii("V,1\n"));
                out.flush();
                Thread.sleep(700);               // several deadlines long
                assertThat(faults(FaultKind.TIMEOUT)).hasSize(1);
                out.write(ascii("V,2\n"));
                out.flush();
                await().atMost(Duration.ofSeconds(2)).until(() -> readings().contains(2.0));
                Thread.sleep(500);
                assertThat(faults(FaultKind.TIMEOUT)).hasSize(2);
                assertThat(faults(FaultKind.DISCONNECTED)).isEmpty();
            }
        }
    }

    @Test
    void aDroppedConnectionIsReportedAndReopenedWithAFreshDecoder() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            LinkedInstrument instrument = LinkedInstrument
                    .builder(LineDecoder::new, () -> TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1)))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                    .build();
            try (instrument) {
                instrument.start(events::add);
                try (Socket first = server.accept()) {
                    first.getOutputStream().write(ascii("V,1\nV,1"));   // the second frame is cut by the drop
                }
                try (Socket second = server.accept()) {
                    second.getOutputStream().write(ascii("2\nV,3\n"));
                    await().atMost(Duration.ofSeconds(3)).until(() -> readings().contains(3.0));
                }
                assertThat(readings()).containsExactly(1.0, 3.0);   // never a 12 made of both connections
                List<Fault> bad = faults(FaultKind.BAD_FRAME);
                assertThat(bad).extracting(Fault::detail).containsExactly("truncated: V,1", "not a line of the protocol: 2");
                assertThat(faults(FaultKind.DISCONNECTED)).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.detail()).contains("tcp://127.0.0.1:" + server.getLocalPort()));
            }
        }
    }

    @Test
    void aDeviceServerThatIsDownIsRetriedUntilItComesBack() throws Exception {
        int port;
        try (ServerSocket probe = loopbackServer()) {
            port = probe.getLocalPort();
        }
        LinkedInstrument instrument = LinkedInstrument
                .builder(LineDecoder::new, () -> TcpLink.connect("127.0.0.1", port, Duration.ofSeconds(1)))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .build();
        try (instrument) {
            instrument.start(events::add);
            await().atMost(Duration.ofSeconds(3)).until(() -> faults(FaultKind.DISCONNECTED).size() == 1);
            assertThat(faults(FaultKind.DISCONNECTED).get(0).detail()).startsWith("cannot open link: tcp://127.0.0.1:" + port);
            Thread.sleep(500);   // a dozen attempts at 20..100 ms: one outage, one fault
            assertThat(faults(FaultKind.DISCONNECTED)).hasSize(1);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                try (Socket device = server.accept()) {
                    device.getOutputStream().write(ascii("V,9\n"));
                    await().atMost(Duration.ofSeconds(3)).until(() -> readings().contains(9.0));
                }
                await().atMost(Duration.ofSeconds(3)).until(() -> faults(FaultKind.DISCONNECTED).size() == 2);
            }
        }
    }

    // --- over a socat pty ----------------------------------------------------------------------------------

    @Test
    void identifiesPollsAndDeliversReadingsOverASerialPty() throws Exception {
        try (SocatPair pair = SocatPair.start(Path.of("target", "linked-instrument-pty"));
             SerialLink device = SerialLink.open(pair.b.toString(), "9600,8N1")) {
            LinkedInstrument instrument = LinkedInstrument
                    .builder(LineDecoder::new, () -> SerialLink.open(pair.a.toString(), "9600,8N1"))
                    .identifyWith(ascii("ID?\n"))
                    .poll(ascii("P\n"), Duration.ofMillis(100))
                    .build();
            try (instrument) {
                instrument.start(events::add);
                StringBuilder got = new StringBuilder();
                byte[] buf = new byte[64];
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!got.toString().startsWith("ID?\nP\nP\n") && System.nanoTime() < deadline) {
                    int n = device.read(buf, Duration.ofMillis(100));
                    got.append(new String(buf, 0, Math.max(0, n), StandardCharsets.US_ASCII));
                }
                assertThat(got.toString()).startsWith("ID?\nP\nP\n");
                device.write(ascii(ID_LINE));
                for (int i = 0; i < 50; i++) {
                    device.write(ascii("V," + i + "\n"));
                }
                await().atMost(Duration.ofSeconds(3)).until(() -> readings().size() == 50);
                assertThat(readings()).isSorted().first().isEqualTo(0.0);
                assertThat(instrument.identity()).isPresent();
            }
        }
    }

    // --- runtime rules, over a replayed capture ----------------------------------------------------------

    @Test
    void aRepeatingValueIsReportedOncePerRunBeforeTheReadingThatExceedsTheLimit() {
        run(LinkedInstrument.builder(new LineDecoder(), ReplayLink.of(ascii("V,5\n".repeat(6) + "V,6\n"), 3))
                .stuckAfter(3));
        assertThat(kinds()).containsExactly("R5", "R5", "R5", "R5", "STUCK_VALUE", "R5", "R5", "R6", "DISCONNECTED");
    }

    @Test
    void stuckDetectionIsOffByDefaultWhereRepeatsAreNormal() {
        assertThat(LinkedInstrument.defaultStuckLimit(InstrumentKind.BRAKE)).isZero();
        assertThat(LinkedInstrument.defaultStuckLimit(InstrumentKind.GPS)).isZero();
        assertThat(LinkedInstrument.defaultStuckLimit(InstrumentKind.GAS)).isPositive();
        assertThat(LinkedInstrument.builder(new LineDecoder(), ReplayLink.of(new byte[0], 1)).build().stuckLimit())
                .isEqualTo(LinkedInstrument.defaultStuckLimit(InstrumentKind.SOUND));
    }

    @Test
    void expiredVerificationFlagsEveryReadingByTheDateInBogota() {
        String id = "ID,Acme,SL-1,SN42,1.0,2025-03-01,2026-02-28\n";
        // 04:00 UTC on 1 March is still 28 February in Bogota (UTC-5): the due day itself is valid
        run(LinkedInstrument.builder(new LineDecoder(), ReplayLink.of(ascii(id + "V,1\n"), 64))
                .clock(Clock.fixed(Instant.parse("2026-03-01T04:00:00Z"), ZoneOffset.UTC)));
        assertThat(kinds()).containsExactly("ID", "R1", "DISCONNECTED");

        events.clear();
        run(LinkedInstrument.builder(new LineDecoder(), ReplayLink.of(ascii(id + "V,1\nV,2\n"), 64))
                .clock(Clock.fixed(Instant.parse("2026-03-01T05:30:00Z"), ZoneOffset.UTC)));
        assertThat(kinds()).containsExactly("ID", "CALIBRATION_EXPIRED", "R1", "CALIBRATION_EXPIRED", "R2", "DISCONNECTED");
        assertThat(faults(FaultKind.CALIBRATION_EXPIRED).get(0).detail()).contains("SN42").contains("2026-02-28");
    }

    @Test
    void decoderAndListenerExceptionsBecomeFaultsAndTheThreadCarriesOn() {
        run(LinkedInstrument.builder(new LineDecoder(), ReplayLink.of(ascii("V,1\nBOOM\nV,2\nV,3\n"), 1)),
                e -> {
                    if (e instanceof Reading r && ((Sample.SoundLevel) r.sample()).dBA() == 2.0) {
                        throw new IllegalArgumentException("listener bug");
                    }
                });
        assertThat(kinds()).containsExactly("R1", "BAD_FRAME", "R2", "DEVICE_ERROR", "R3", "DISCONNECTED");
        assertThat(faults(FaultKind.BAD_FRAME).get(0).detail()).contains("decoder bug");
        assertThat(faults(FaultKind.DEVICE_ERROR).get(0).detail()).contains("listener bug");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void run(LinkedInstrument.Builder builder) {
        run(builder, e -> {});
    }

    /** Run a one-link instrument until its DISCONNECTED fault; {@code also} sees each event after it is recorded. */
    private void run(LinkedInstrument.Builder builder, java.util.function.Consumer<InstrumentEvent> also) {
        try (LinkedInstrument instrument = builder.build()) {
            instrument.start(e -> {
                events.add(e);
                also.accept(e);
            });
            await().atMost(Duration.ofSeconds(3)).until(() -> !faults(FaultKind.DISCONNECTED).isEmpty());
        }
    }

    private List<String> kinds() {
        return events.stream().map(e -> {
            if (e instanceof Reading r) {
                return "R" + (int) ((Sample.SoundLevel) r.sample()).dBA();
            }
            return e instanceof Fault f ? f.kind().name() : "ID";
        }).collect(Collectors.toList());
    }

    private List<Double> readings() {
        return events.stream().filter(e -> e instanceof Reading)
                .map(e -> ((Sample.SoundLevel) ((Reading) e).sample()).dBA()).collect(Collectors.toList());
    }

    private List<Fault> faults(FaultKind kind) {
        return events.stream().filter(e -> e instanceof Fault f && f.kind() == kind).map(e -> (Fault) e)
                .collect(Collectors.toList());
    }

    private static ServerSocket loopbackServer() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
