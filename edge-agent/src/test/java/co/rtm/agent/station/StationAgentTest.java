package co.rtm.agent.station;

import co.rtm.agent.uplink.MosquittoProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.outbox.AckInfo;
import co.rtm.agent.outbox.MessageState;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.InspectionMessage;

/** Lane device -> scoring -> outbox -> Mosquitto -> signing test hub -> signed ack -> outbox, end to end. */
class StationAgentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private MosquittoProcess broker;
    private TestStation station;
    private SignedHub hub;
    private LaneDevice device;
    private StationAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        broker = MosquittoProcess.start(dir);
        station = TestStation.create(broker.uri());
        hub = new SignedHub(broker.uri(), station);
        device = new LaneDevice();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (device != null) {
            device.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private StationAgent start(AgentOptions options) throws Exception {
        return StationAgent.start(station.bundle(), dir.resolve("data"), new TcpLaneFeed("127.0.0.1", device.port()),
                options);
    }

    private static AgentOptions fast() {
        return AgentOptions.defaults().withAckTimeout(Duration.ofSeconds(2)).withMaxBackoff(Duration.ofSeconds(1));
    }

    private void sendVehicles(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            device.send(LaneDevice.vehicle(String.format("ABC%03d", i)));
        }
    }

    @Test
    void vehiclesGoThroughScoringOutboxAndHubAndComeBackAcked() throws Exception {
        int n = 8;
        agent = start(fast());
        sendVehicles(1, n);

        await().atMost(PATIENCE).until(() -> agent.stats().acked() == n);
        await().atMost(PATIENCE).until(() -> agent.outboxPending() == 0);

        StationStats stats = agent.stats();
        assertThat(stats.read()).isEqualTo(n);
        assertThat(stats.scoredTotal()).isEqualTo(n);
        assertThat(stats.appended()).isEqualTo(n);
        assertThat(stats.rejectedByHub()).isZero();
        assertThat(stats.waiting()).isNull();
        assertThat(hub.badSignatures).isEmpty();
        assertThat(hub.firstSeqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(hub.inspections.values()).allSatisfy(r -> {
            InspectionMessage m = r.message();
            assertThat(r.rescored()).isEqualTo(m.score().verdict());
            assertThat(m.centerId()).isEqualTo(TestStation.CENTER);
            assertThat(m.stationId()).isEqualTo(TestStation.STATION);
            assertThat(m.profile()).isEqualTo("cda-light@1");
            assertThat(m.inspectors()).containsExactly("CC-1010");
            assertThat(m.startedAt()).hasToString("2026-11-20T10:01-05:00");
            assertThat(m.input().has("startedAt")).as("lane members are not part of the scored document").isFalse();
        });
        assertThat(hub.inspections.values()).extracting(r -> r.message().input().path("vehicle").path("plate").asText())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n)
                        .mapToObj(i -> String.format("ABC%03d", i)).toList());
    }

    @Test
    void aResultTheHubRejectsStaysInTheOutboxAsRejected() throws Exception {
        hub.mode = SignedHub.Mode.REJECT;
        agent = start(fast());
        sendVehicles(1, 2);

        await().atMost(PATIENCE).until(() -> agent.stats().rejectedByHub() == 2);
        assertThat(agent.stats().acked()).isZero();
        assertThat(agent.outboxPending()).isZero();
        agent.close();
        agent = null;
        try (Outbox outbox = Outbox.open(dir.resolve("data"), OutboxConfig.defaults())) {
            List<OutboxMessage> rejected = outbox.rejected();
            assertThat(rejected).hasSize(2).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(MessageState.REJECTED);
                assertThat(m.ackStatus()).isEqualTo(AckInfo.Status.REJECTED);
                assertThat(m.ackReason()).isEqualTo("CAPACITY_EXCEEDED");
                assertThat(m.payload()).isNotEmpty();
            });
        }
    }

    @Test
    void aFullOutboxStopsTakingVehiclesSaysWhyAndLosesNothing() throws Exception {
        hub.mode = SignedHub.Mode.SILENT;
        // Room for 3 messages, one of them kept in reserve: two inspections may start, the third may not.
        OutboxConfig tiny = new OutboxConfig(3, 1L << 20, 1, 1024, 0, Duration.ZERO);
        agent = start(fast().withOutbox(tiny));
        sendVehicles(1, 5);

        await().atMost(PATIENCE).until(() -> agent.stats().waiting() != null);
        assertThat(agent.stats().waiting()).contains("Outbox full").contains("reserve");
        Thread.sleep(1_500); // it keeps waiting and takes nothing more
        assertThat(agent.stats().read()).isEqualTo(2);
        assertThat(agent.stats().appended()).isEqualTo(2);

        hub.mode = SignedHub.Mode.ACCEPT; // the hub comes back: the resent results are acked, room frees up
        await().atMost(PATIENCE).until(() -> agent.stats().acked() == 5 && agent.outboxPending() == 0);
        // the station clears its reason at its next look at the outbox (about twice a second)
        await().atMost(PATIENCE).until(() -> agent.stats().waiting() == null);
        assertThat(agent.stats().read()).isEqualTo(5);
        assertThat(hub.firstSeqs).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aMalformedLineIsReportedAsAnInstrumentFaultAndSkipped() throws Exception {
        agent = start(fast());
        device.send(LaneDevice.vehicle("GOOD01"));
        device.send("{\"testedAt\": \"2026-11-20T10:15:00-05:00\", \"vehicle\": ");
        device.send("{\"testedAt\": \"2026-11-20T10:15:00-05:00\", \"vehicle\": {}, \"measurements\": {}}");
        device.send(LaneDevice.vehicle("MOTO01", "motorcycle"));
        device.send(LaneDevice.vehicle("GOOD02"));

        await().atMost(PATIENCE).until(() -> agent.stats().acked() == 2 && hub.events.size() == 2);
        StationStats stats = agent.stats();
        assertThat(stats.laneFaults()).isEqualTo(2);
        assertThat(stats.refusedLocally()).isEqualTo(1);
        assertThat(stats.scoredTotal()).isEqualTo(2);
        assertThat(hub.inspections.values()).extracting(r -> r.message().input().path("vehicle").path("plate").asText())
                .containsExactlyInAnyOrder("GOOD01", "GOOD02");
        assertThat(hub.events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.INSTRUMENT_FAULT));
        assertThat(hub.events.get(0).detail().get("problem").toString()).contains("not JSON");
        assertThat(hub.events.get(1).detail().get("problem").toString()).contains("not a valid scoring document");
        await().atMost(PATIENCE).until(() -> agent.outboxPending() == 0);
    }

    @Test
    void aRestartOnTheSameDataDirContinuesTheSequence() throws Exception {
        agent = start(fast());
        sendVehicles(1, 3);
        await().atMost(PATIENCE).until(() -> agent.stats().acked() == 3);
        agent.close();

        agent = start(fast());
        sendVehicles(4, 6);
        await().atMost(PATIENCE).until(() -> agent.stats().acked() == 3 && agent.outboxPending() == 0);
        assertThat(hub.firstSeqs).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(hub.inspections.values().stream().map(r -> r.message().bootId()).distinct()).hasSize(1)
                .as("bootId is per process; both agents ran in this JVM");
    }
}
