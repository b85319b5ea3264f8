package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static co.rtm.sim.instruments.serve.TcpDeviceServerTest.assertConsecutive;
import static co.rtm.sim.instruments.serve.Wire.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class PtyDeviceServerTest {

    @BeforeEach
    void socat() {
        Wire.requireSocat();
    }

    @Test
    void bytesArriveInOrderAndCommandsGetTheirReplies() throws Exception {
        Path agentPath;
        try (PtyDeviceServer server = PtyDeviceServer.start(new CountingDevice(), Path.of("target", "pty-order"));
             SerialLink link = SerialLink.open(server.agentPath().toString(), "9600,8N1")) {
            agentPath = server.agentPath();
            long t0 = System.nanoTime();
            List<String> lines = new ArrayList<>(Wire.lines(link, 30));
            assertThat((System.nanoTime() - t0) / 1_000_000).as("30 ticks of 20 ms, not of a tenth of a second")
                    .isLessThan(2_000L);
            link.write(ascii("PING\nID?\n"));
            lines.addAll(Wire.lines(link, 30));
            assertConsecutive(Wire.counts(lines));
            assertThat(lines).contains("PONG", CountingDevice.ID_LINE.strip());
        }
        assertThat(Files.exists(agentPath)).as("socat stopped, its pty link gone").isFalse();
    }

    @Test
    void withWireFaultsTheInstrumentReportsFaultsAndResumes() throws Exception {
        WireFaults faults = WireFaults.seeded(7).garbage(0.15, 2);
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (PtyDeviceServer server = PtyDeviceServer.start(new CountingDevice(), Path.of("target", "pty-faults"),
                faults, Duration.ofMillis(10), Clock.systemUTC());
             LinkedInstrument instrument = LinkedInstrument
                     .builder(LineDecoder::new, () -> SerialLink.open(server.agentPath().toString(), "9600,8N1"))
                     .silence(Duration.ofMillis(200))
                     .build()) {
            instrument.start(events::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> Wire.faults(events, FaultKind.BAD_FRAME) >= 2
                    && Wire.readings(events).size() >= 30);
            assertThat(Wire.faults(events, FaultKind.TIMEOUT)).isZero();

            faults.disconnectNow(Duration.ofMillis(600));   // the cable is pulled: the line goes quiet
            await().atMost(Duration.ofSeconds(5)).until(() -> Wire.faults(events, FaultKind.TIMEOUT) == 1);
            int before = Wire.readings(events).size();
            await().atMost(Duration.ofSeconds(5)).until(() -> Wire.readings(events).size() >= before + 20);
            assertThat(Wire.faults(events, FaultKind.TIMEOUT)).isEqualTo(1);
        }
    }
}
