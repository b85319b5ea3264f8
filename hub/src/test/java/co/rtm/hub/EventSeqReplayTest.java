package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.home.HubHome;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.LoginEvents;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.TopicKind;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by {@code simulator chaos}: a station's seq is one counter for everything it signs (DESIGN §3), so an event
 * signed with the station's real key but reusing the seq of an accepted result is a replay, refused and recorded.
 */
class EventSeqReplayTest {
    @TempDir
    Path dir;

    @Test
    void anEventReusingAnAcceptedResultsSeqIsRefusedAndRecorded() throws Exception {
        HubHome.init(dir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(dir, 0));
             TestLane lane = new TestLane(hub.provision("CDA-SEQ", "seq-1", "cda-light"), hub.mqttUrl())) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID result = UUID.randomUUID();
            assertThat(lane.send(lane.sign(lane.inspection(result, 1, TestLane.approvedInput(), ok)), result).status())
                    .isEqualTo(AckStatus.ACCEPTED);

            Ack replayed = lane.sendOn(lane.topic(TopicKind.EVENT), login(lane, UUID.randomUUID(), 1), UUID.randomUUID());
            assertThat(replayed.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(replayed.reason()).isEqualTo(RejectReason.REPLAYED_SEQ);

            Ack fresh = lane.sendOn(lane.topic(TopicKind.EVENT), login(lane, UUID.randomUUID(), 2), UUID.randomUUID());
            assertThat(fresh.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(hub.counters().refused()).isEqualTo(1);
        }
    }

    private static byte[] login(TestLane lane, UUID id, long seq) {
        MessageHeader h = new MessageHeader(id, lane.bundle.centerId(), lane.bundle.stationId(), seq, "boot-1",
                OffsetDateTime.parse("2026-11-20T10:30:00-05:00"));
        return Envelope.sign(Json.write(LoginEvents.login(h, "CC-1010")), "event", lane.key);
    }
}
