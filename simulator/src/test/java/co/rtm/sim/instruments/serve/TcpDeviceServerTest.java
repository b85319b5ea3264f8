package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static co.rtm.sim.instruments.serve.Wire.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class TcpDeviceServerTest {

    @Test
    void bytesArriveInOrderAndCommandsGetTheirReplies() throws Exception {
        try (TcpDeviceServer server = TcpDeviceServer.start(new CountingDevice(), 0, WireFaults.none(),
                Duration.ofMillis(5), Clock.systemUTC());
             TcpLink link = TcpLink.connect("127.0.0.1", server.port(), Duration.ofSeconds(1))) {
            assertThat(server.port()).isPositive();
            List<String> lines = new ArrayList<>(Wire.lines(link, 100));
            link.write(ascii("PI"));
            link.write(ascii("NG\nID?\n"));         // a command in pieces, then another
            lines.addAll(Wire.lines(link, 60));
            assertConsecutive(Wire.counts(lines));
            assertThat(lines).contains("PONG", CountingDevice.ID_LINE.strip());
            assertThat(lines.indexOf("PONG")).isLessThan(lines.indexOf(CountingDevice.ID_LINE.strip()));
        }
    }

    @Test
    void aNewClientIsAcceptedAfterTheFirstLeaves() throws Exception {
        try (TcpDeviceServer server = TcpDeviceServer.start(new CountingDevice())) {
            try (TcpLink first = TcpLink.connect("127.0.0.1", server.port(), Duration.ofSeconds(1))) {
                assertThat(Wire.counts(Wire.lines(first, 5))).hasSize(5);
            }
            try (TcpLink second = TcpLink.connect("127.0.0.1", server.port(), Duration.ofSeconds(1))) {
                List<Integer> counts = Wire.counts(Wire.lines(second, 5));
                assertThat(counts).hasSize(5);
                assertConsecutive(counts);
            }
            assertThat(server.clientsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void withWireFaultsTheInstrumentReportsFaultsAndResumes() throws Exception {
        WireFaults faults = WireFaults.seeded(42).garbage(0.1, 3).truncate(0.05);
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (TcpDeviceServer server = TcpDeviceServer.start(new CountingDevice(), 0, faults, Duration.ofMillis(10),
                Clock.systemUTC());
             LinkedInstrument instrument = LinkedInstrument
                     .builder(LineDecoder::new, () -> TcpLink.connect("127.0.0.1", server.port(), Duration.ofSeconds(1)))
                     .poll(ascii("ID?\n"), Duration.ofMillis(100))   // asked again: the wire may garble an answer
                     .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
                     .build()) {
            instrument.start(events::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> Wire.faults(events, FaultKind.BAD_FRAME) >= 3
                    && Wire.readings(events).size() >= 50 && instrument.identity().isPresent());

            faults.disconnectNow(Duration.ofMillis(400));
            await().atMost(Duration.ofSeconds(5)).until(() -> Wire.faults(events, FaultKind.DISCONNECTED) >= 1);
            int before = Wire.readings(events).size();
            await().atMost(Duration.ofSeconds(10)).until(() -> Wire.readings(events).size() >= before + 20);
            assertThat(server.clientsAccepted()).isGreaterThanOrEqualTo(2);
            assertThat(Wire.faults(events, FaultKind.DISCONNECTED)).as("one outage, one fault").isEqualTo(1);
            assertThat(faults.counts().disconnects()).isEqualTo(1);
            assertThat(faults.counts().garbage()).isPositive();
        }
    }

    static void assertConsecutive(List<Integer> counts) {
        assertThat(counts).isNotEmpty();
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i)).as("count after %s", counts.get(i - 1)).isEqualTo(counts.get(i - 1) + 1);
        }
    }
}
