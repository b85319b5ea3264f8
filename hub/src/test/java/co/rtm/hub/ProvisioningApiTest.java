package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.broker.StationClient;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running hub (embedded broker, SQLite) whose admin creates a centre and provisions a station over REST; the
 * station then connects to the hub's broker with the bundle's credentials (a real Paho client) and gets its
 * inspection accepted, without restarting anything.
 */
class ProvisioningApiTest extends RunningHubApi {
    @Test
    void createdCentreAndProvisionedStationConnectAtOnceAndGetAnInspectionAccepted() throws Exception {
        Reply center = send("POST", "/api/centers", admin, map("id", "CDA-R1", "kind", "CDA", "centerClass", "B",
                "municipality", "Soacha"));
        assertThat(center.status()).as(center.body()).isEqualTo(201);
        assertThat(center.json().get("kind").asText()).isEqualTo("CDA");
        assertThat(center.json().get("furSeriesCode").asText()).isEqualTo("CDA-R1");
        assertThat(center.json().get("centerClass").asText()).isEqualTo("B");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'CENTER_CREATED' AND subject = ?"
                + " AND detail LIKE '%\"by\":\"admin\"%'", "CDA-R1")).isEqualTo(1);

        Reply made = send("POST", "/api/centers/CDA-R1/stations", admin, map("id", "lane-r1", "kind", "cda-light"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        StationBundle bundle = Json.read(made.body().getBytes(StandardCharsets.UTF_8), StationBundle.class);
        assertThat(bundle.centerId()).isEqualTo("CDA-R1");
        assertThat(bundle.profile()).isEqualTo("cda-light@1");
        assertThat(bundle.tls().caCertificate()).contains("BEGIN CERTIFICATE");
        assertThat(bundle.tls().hasClientCertificate()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'STATION_CREATED' AND subject = ?"
                + " AND detail LIKE '%\"by\":\"admin\"%'", "lane-r1")).isEqualTo(1);
        // the audit names the station, never its password
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?", "%" + bundle.mqtt().password() + "%")).isZero();

        try (TestLane lane = new TestLane(bundle, bundle.mqtt().url())) {
            ObjectNode input = TestLane.approvedInput();
            ScoreResult score = TestLane.score(input);
            UUID id = UUID.randomUUID();
            Ack ack = lane.send(lane.sign(lane.inspection(id, 1, input, score)), id);
            assertThat(ack.status()).as(String.valueOf(ack.reason())).isEqualTo(AckStatus.ACCEPTED);
            assertThat(ack.furNumber()).isEqualTo(1L);
        }
        // and a wrong password is still refused: the connection above was the bundle's doing
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StationClient.connect(bundle.mqtt().url(), "lane-r1",
                bundle.mqtt().password() + "x").close()).isInstanceOf(MqttException.class);
    }

    @Test
    void refusesDuplicatesUnknownCentresBadFieldsAndNonAdmins() {
        assertThat(send("POST", "/api/centers", admin, map("id", "CDA-R2")).status()).isEqualTo(201);
        Reply again = send("POST", "/api/centers", admin, map("id", "CDA-R2", "kind", "CALE"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("already exists");

        assertBad(send("POST", "/api/centers", admin, map("id", "CDA-R3", "kind", "BUS")), "kind");
        assertBad(send("POST", "/api/centers", admin, map("id", "bad id!")), "id");
        assertBad(send("POST", "/api/centers", admin, map("id", "CALE-R3", "kind", "CALE", "centerClass", "A")), "centerClass");
        assertBad(send("POST", "/api/centers", admin, map("kind", "CDA")), "id");
        assertBad(send("POST", "/api/centers", admin, map("id", "CDA-R3", "hours", "someday")), "hours");
        assertThat(send("GET", "/api/centers/CDA-R3", admin, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/centers/CALE-R3", admin, null).status()).isEqualTo(404);
        assertThat(send("POST", "/api/centers", sup, map("id", "CDA-R4")).status()).isEqualTo(403);
        assertThat(send("POST", "/api/centers", null, map("id", "CDA-R4")).status()).isEqualTo(401);

        assertThat(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r2", "kind", "cda-light")).status())
                .isEqualTo(201);
        Reply dup = send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r2", "kind", "cda-light"));
        assertThat(dup.status()).as(dup.body()).isEqualTo(409);
        Reply unknown = send("POST", "/api/centers/CDA-NONE/stations", admin, map("id", "lane-r3", "kind", "cda-light"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(send("GET", "/api/centers/CDA-NONE", admin, null).status()).as("not created on the way").isEqualTo(404);
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r3", "kind", "bus-lane")), "kind");
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r3", "kind", "cale-theory")), "kind");
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane r3", "kind", "cda-light")), "id");
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r3", "kind", "cda-light",
                "publicKey", "AAAA")), "publicKey");
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r3", "kind", "cda-light",
                "clientCertificate", "yes")), "clientCertificate");
        assertBad(send("POST", "/api/centers/CDA-R2/stations", admin, map("id", "lane-r3")), "kind");
        assertThat(send("GET", "/api/stations/lane-r3", admin, null).status()).as("nothing left behind").isEqualTo(404);
        assertThat(send("POST", "/api/centers/CDA-R2/stations", sup, map("id", "lane-r4", "kind", "cda-light")).status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/stations/lane-r4", admin, null).status()).isEqualTo(404);
    }

    @Test
    void aDeviceKeyIsRegisteredAndNeverSentBackAndAClientCertificateComesWithItsKey() throws Exception {
        assertThat(send("POST", "/api/centers", admin, map("id", "CDA-R5")).status()).isEqualTo(201);
        SigningKey device = Ed25519Keys.generate("lane-r5#1");
        Reply made = send("POST", "/api/centers/CDA-R5/stations", admin, map("id", "lane-r5", "kind", "cda-light",
                "publicKey", device.verificationKey().toBase64Url(), "clientCertificate", true));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        StationBundle bundle = Json.read(made.body().getBytes(StandardCharsets.UTF_8), StationBundle.class);
        assertThat(bundle.signingKeySeed()).isNull();
        assertThat(made.json().has("signingKeySeed") && !made.json().get("signingKeySeed").isNull()).isFalse();
        assertThat(hub.registry().findKey("lane-r5", 1).orElseThrow().publicKey())
                .isEqualTo(device.verificationKey().toBase64Url());
        assertThat(bundle.tls().hasClientCertificate()).isTrue();
        assertThat(bundle.tls().clientCertificate()).contains("BEGIN CERTIFICATE");
        try (StationClient c = StationClient.connect(bundle.mqtt().url(), "lane-r5", bundle.mqtt().password())) {
            assertThat(c).isNotNull();
        }
    }

    private static void assertBad(Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("error").asText()).doesNotContain("\n");
    }
}
