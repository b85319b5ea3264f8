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
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signed station events through a running hub (real broker, real Paho client): an instrument fault, and a
 * verification reporting a lapsed calibration, become alerts in GET /api/alerts with their station, instrument and
 * message, acknowledged by a supervisor with the audited flow; a verification still valid raises none.
 */
class InstrumentAlertsTest extends RunningHubApi {
    private long seq;

    private byte[] event(StationBundle bundle, UUID id, EventType type, String bogotaLocal, Map<String, ?> detail) {
        seq++;
        MessageHeader h = new MessageHeader(id, bundle.centerId(), bundle.stationId(), seq, "boot-1",
                OffsetDateTime.parse(bogotaLocal + "-05:00"));
        return Envelope.sign(Json.write(StationEvent.of(h, type, detail)), "event", bundle.signingKey());
    }

    private static List<JsonNode> alertsOf(String station) {
        Reply r = send("GET", "/api/alerts?open=true&limit=100", sup, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(a -> {
            if (station.equals(a.path("stationId").asText())) {
                out.add(a);
            }
        });
        return out;
    }

    @Test
    void instrumentFaultsAndLapsedCalibrationsAreAlertedOnceAndAcknowledged() throws Exception {
        assertThat(send("POST", "/api/centers", admin, map("id", "CDA-A1")).status()).isEqualTo(201);
        Reply made = send("POST", "/api/centers/CDA-A1/stations", admin, map("id", "lane-a1", "kind", "cda-light"));
        StationBundle bundle = Json.read(made.body().getBytes(StandardCharsets.UTF_8), StationBundle.class);
        try (TestLane lane = new TestLane(bundle, bundle.mqtt().url())) {
            String topic = lane.topic(TopicKind.EVENT);
            UUID fault = UUID.randomUUID();
            byte[] faultEnvelope = event(bundle, fault, EventType.INSTRUMENT_FAULT, "2026-11-20T10:00:00",
                    Map.of("instrument", "gas", "serial", "GA-2231", "problem", "no answer to the 0x03 poll for 5 s"));
            assertThat(lane.sendOn(topic, faultEnvelope, fault).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(lane.sendOn(topic, faultEnvelope, fault).status()).isEqualTo(AckStatus.DUPLICATE);
            UUID lapsed = UUID.randomUUID();
            assertThat(lane.sendOn(topic, event(bundle, lapsed, EventType.VERIFICATION, "2026-11-20T10:05:00",
                    Map.of("instrument", "brake", "verificationDue", "2026-11-19")), lapsed).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            UUID valid = UUID.randomUUID();   // due today: still valid through its last day
            assertThat(lane.sendOn(topic, event(bundle, valid, EventType.CALIBRATION, "2026-11-20T23:59:00",
                    Map.of("instrument", "lights", "verificationDue", "2026-11-20")), valid).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            UUID boot = UUID.randomUUID();
            assertThat(lane.sendOn(topic, event(bundle, boot, EventType.BOOT, "2026-11-20T10:06:00", Map.of()), boot)
                    .status()).isEqualTo(AckStatus.ACCEPTED);
        }
        List<JsonNode> alerts = alertsOf("lane-a1");
        assertThat(alerts).hasSize(2);   // newest first; the duplicate, the valid calibration and the boot raise none
        JsonNode calibration = alerts.get(0);
        JsonNode fault = alerts.get(1);
        assertThat(fault.get("kind").asText()).isEqualTo("INSTRUMENT_FAULT");
        assertThat(fault.get("centerId").asText()).isEqualTo("CDA-A1");
        assertThat(fault.get("instrument").asText()).isEqualTo("gas (serial GA-2231)");
        assertThat(fault.get("detail").asText()).isEqualTo("no answer to the 0x03 poll for 5 s");
        assertThat(fault.get("refusalId").isNull()).isTrue();
        assertThat(calibration.get("kind").asText()).isEqualTo("INSTRUMENT_CALIBRATION_EXPIRED");
        assertThat(calibration.get("instrument").asText()).isEqualTo("brake");
        assertThat(calibration.get("detail").asText()).contains("last valid day 2026-11-19, reported on 2026-11-20");

        long id = fault.get("id").asLong();
        Reply ack = send("POST", "/api/alerts/" + id + "/ack", sup, map("comment", "gas bench re-cabled"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("ackedBy").asText()).isEqualTo("sup");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'ALERT_ACKNOWLEDGED' AND subject = ?", "alert:" + id))
                .isEqualTo(1);
        assertThat(send("POST", "/api/alerts/" + id + "/ack", sup, map("comment", "again")).status()).isEqualTo(409);
        assertThat(alertsOf("lane-a1")).hasSize(1);
    }
}
