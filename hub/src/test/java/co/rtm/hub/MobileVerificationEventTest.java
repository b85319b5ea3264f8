package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.profiles.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A signed VERIFICATION event from a mobile lane, through a running hub, is kept once (resent or not) with the
 * station's time, for the art. 3.3.3.8 check; other events are not.
 */
class MobileVerificationEventTest extends RunningHubApi {
    @Test
    void verificationEventsAreKeptOncePerMessage() throws Exception {
        assertThat(send("POST", "/api/centers", admin, map("id", "MOB-V1", "kind", "MOBILE")).status()).isEqualTo(201);
        Reply made = send("POST", "/api/centers/MOB-V1/stations", admin, map("id", "mob-v1", "kind", "cda-light-mobile"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        StationBundle bundle = Json.read(made.body().getBytes(StandardCharsets.UTF_8), StationBundle.class);
        try (TestLane lane = new TestLane(bundle, bundle.mqtt().url())) {
            String topic = lane.topic(TopicKind.EVENT);
            UUID verification = UUID.randomUUID();
            byte[] envelope = Envelope.sign(Json.write(StationEvent.of(new MessageHeader(verification, "MOB-V1", "mob-v1", 1,
                    "boot-1", OffsetDateTime.parse("2026-11-17T08:30:00-05:00")), EventType.VERIFICATION,
                    Map.of("instrument", "brake", "verificationDue", "2027-11-17"))), "event", bundle.signingKey());
            assertThat(lane.sendOn(topic, envelope, verification).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(lane.sendOn(topic, envelope, verification).status()).isEqualTo(AckStatus.DUPLICATE);
            UUID boot = UUID.randomUUID();
            byte[] bootEnvelope = Envelope.sign(Json.write(StationEvent.of(new MessageHeader(boot, "MOB-V1", "mob-v1", 2,
                    "boot-1", OffsetDateTime.parse("2026-11-17T08:31:00-05:00")), EventType.BOOT, Map.of())), "event",
                    bundle.signingKey());
            assertThat(lane.sendOn(topic, bootEnvelope, boot).status()).isEqualTo(AckStatus.ACCEPTED);
        }
        assertThat(count("SELECT COUNT(*) FROM station_verifications WHERE station_id = ?", "mob-v1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM station_verifications WHERE verified_at = '2026-11-17T13:30:00.000000Z'"
                + " AND station_id = ?", "mob-v1")).isEqualTo(1);
    }
}
