package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.link.CoapLink;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
class CoapDeviceServerTest {

    @Test
    void bytesArriveInOrderAndCommandsGetTheirReplies() throws Exception {
        try (CoapDeviceServer server = CoapDeviceServer.start(new CountingDevice(), WireFaults.none(),
                Duration.ofMillis(2), Clock.systemUTC());
             CoapLink link = CoapLink.observe(server.uri(), Duration.ofSeconds(10))) {
            assertThat(server.uri().toString()).startsWith("coap://127.0.0.1:").endsWith("/sound");
            List<String> lines = new ArrayList<>(Wire.lines(link, 500));
            link.write(ascii("PING\n"));
            link.write(ascii("ID?\n"));
            lines.addAll(Wire.lines(link, 100));
            assertConsecutive(Wire.counts(lines));
            assertThat(Wire.counts(lines)).hasSizeGreaterThanOrEqualTo(590);
            assertThat(lines).contains("PONG", CountingDevice.ID_LINE.strip());
        }
        assertThat(Path.of("Californium3.properties")).doesNotExist();
    }

    @Test
    void theIdentityRequestSentOnConnectIsAnsweredInTheStream() throws Exception {
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (CoapDeviceServer server = CoapDeviceServer.start(new CountingDevice());
             LinkedInstrument instrument = LinkedInstrument
                     .builder(LineDecoder::new, () -> CoapLink.observe(server.uri(), Duration.ofSeconds(1)))
                     .identifyWith(ascii("ID?\n"))
                     .build()) {
            instrument.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> instrument.identity().isPresent());
            assertThat(instrument.identity().get().serial()).isEqualTo("SN7");
            await().atMost(Duration.ofSeconds(5)).until(() -> Wire.readings(events).size() >= 10);
            assertThat(Wire.faults(events, FaultKind.BAD_FRAME)).isZero();
        }
    }

    @Test
    void withWireFaultsTheInstrumentReportsFaultsAndResumes() throws Exception {
        WireFaults faults = WireFaults.seeded(3).garbage(0.1, 3).truncate(0.05);
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (CoapDeviceServer server = CoapDeviceServer.start(new CountingDevice(), faults, Duration.ofMillis(10),
                Clock.systemUTC());
             LinkedInstrument instrument = LinkedInstrument
                     .builder(LineDecoder::new, () -> CoapLink.observe(server.uri(), Duration.ofSeconds(1)))
                     .poll(ascii("ID?\n"), Duration.ofMillis(100))   // asked again: the wire may garble an answer
                     .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
                     .build()) {
            instrument.start(events::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> Wire.faults(events, FaultKind.BAD_FRAME) >= 3
                    && Wire.readings(events).size() >= 50 && instrument.identity().isPresent());

            faults.disconnectNow(Duration.ofMillis(500));
            await().atMost(Duration.ofSeconds(5)).until(() -> Wire.faults(events, FaultKind.DISCONNECTED) >= 1);
            int before = Wire.readings(events).size();
            await().atMost(Duration.ofSeconds(10)).until(() -> Wire.readings(events).size() >= before + 20);
            assertThat(server.observers()).isEqualTo(1);
            assertThat(Wire.faults(events, FaultKind.DISCONNECTED)).as("one outage, one fault").isEqualTo(1);
        }
    }
}
