package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.broker.QuietLogs;
import co.rtm.hub.broker.StationClient;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.tls.BrokerCa;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.TlsSockets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's key and station commands against a running hub with its TLS listener, run the way an
 * operator runs them (the command's own database connection and registry, as in another process).
 */
class KeyManagementTest {
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    static Path dir;
    static HubServer hub;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        QuietLogs.apply();
        Run init = run("init", "--data", dir.toString());
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("broker CA " + dir.resolve(BrokerCa.CA_CERT_FILE).toAbsolutePath());
        hub = HubServer.start(HubConfig.embedded(dir, 0).withMqttTlsPort(0));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static StationBundle provision(String center, String station, boolean clientCert) throws Exception {
        Path out = dir.resolve(station + ".bundle.json");
        Run r = clientCert
                ? run("provision-station", "--data", dir.toString(), "--center", center, "--station", station,
                        "--kind", "cda-light", "--out", out.toString(), "--mqtt-url", hub.mqttTlsUrl(), "--client-cert")
                : run("provision-station", "--data", dir.toString(), "--center", center, "--station", station,
                        "--kind", "cda-light", "--out", out.toString(), "--mqtt-url", hub.mqttTlsUrl());
        assertThat(r.code()).as(r.err()).isZero();
        return Json.read(Files.readAllBytes(out), StationBundle.class);
    }

    private static SSLSocketFactory tls(StationBundle bundle) {
        StationBundle.Tls t = bundle.tls();
        return TlsSockets.factory(t.caCertificate(), t.clientCertificate(), t.clientKey());
    }

    private static TestLane overTls(StationBundle bundle) throws Exception {
        boolean cert = bundle.tls().hasClientCertificate();
        return new TestLane(bundle, StationClient.connectTls(bundle.mqtt().url(), bundle.stationId(), bundle.stationId(),
                cert ? null : bundle.mqtt().password(), tls(bundle)));
    }

    private static Ack sendApproved(TestLane lane, long seq) throws Exception {
        ScoreResult ok = TestLane.score(TestLane.approvedInput());
        UUID id = UUID.randomUUID();
        return lane.send(lane.sign(lane.inspection(id, seq, TestLane.approvedInput(), ok)), id);
    }

    @Test
    void initMakesAnOwnerOnlyCaKeyAndTheServeLinePrintsTheTlsUrl() throws Exception {
        for (String file : new String[] {BrokerCa.CA_KEY_FILE, BrokerCa.SERVER_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).as(file)
                    .isEqualTo("rw-------");
        }
        assertThat(hub.mqttTlsUrl()).startsWith("ssl://127.0.0.1:");
        assertThat(hub.provision("CDA-PLAIN", "plain-1", "cda-light").tls().caCertificate())
                .isEqualTo(hub.brokerCa().certificatePem());
    }

    @Test
    void aBundleWithAClientCertificateLogsInOverTlsWithoutItsPasswordAndIsAccepted() throws Exception {
        StationBundle bundle = provision("CDA-TLS", "tls-1", true);
        assertThat(bundle.tls().hasClientCertificate()).isTrue();
        assertThat(bundle.mqtt().url()).isEqualTo(hub.mqttTlsUrl());
        try (TestLane lane = overTls(bundle)) {
            Ack ack = sendApproved(lane, 1);
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
        }
    }

    @Test
    void revokeKeyMakesTheStationsNextSignedMessageRefusedAtIngestion() throws Exception {
        StationBundle bundle = provision("CDA-REV", "rev-1", false);
        try (TestLane lane = overTls(bundle)) {
            assertThat(sendApproved(lane, 1).status()).isEqualTo(AckStatus.ACCEPTED);

            Run revoke = run("revoke-key", "--data", dir.toString(), "--station", "rev-1", "--key-version", "1");
            assertThat(revoke.code()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("key rev-1#1 revoked (was CURRENT)").contains("no usable key left");
            // The command ran with its own registry, as from another process: the hub learns of it on its next poll.
            Thread.sleep(3 * HubServer.STATION_CHANGE_POLL.toMillis());

            Ack refused = sendApproved(lane, 2);
            assertThat(refused.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(refused.reason()).isEqualTo(RejectReason.KEY_REVOKED);
            assertThat(run("revoke-key", "--data", dir.toString(), "--station", "rev-1", "--key-version", "1").out())
                    .contains("already revoked");
        }
        assertThat(hub.registry().keys("rev-1")).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(co.rtm.hub.registry.KeyStatus.REVOKED));
    }

    @Test
    void rotateKeyMakesTheNewKeyCurrentAndKeepsTheOldOneForItsGracePeriod() throws Exception {
        StationBundle bundle = provision("CDA-ROT", "rot-1", false);
        SigningKey next = Ed25519Keys.generate("rot-1#2");
        Run rotate = run("rotate-key", "--data", dir.toString(), "--station", "rot-1",
                "--public-key", next.verificationKey().toBase64Url(), "--grace-hours", "0");
        assertThat(rotate.code()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("key rot-1#2 is current").contains("key rot-1#1 is previous, usable until");

        StationBundle rotated = new StationBundle(bundle.format(), bundle.centerId(), bundle.stationId(), bundle.profile(), 2,
                next.seedBase64Url(), bundle.hubKeyId(), bundle.hubPublicKey(), bundle.mqtt(), bundle.createdAt(), bundle.tls());
        try (TestLane old = overTls(bundle)) {
            Ack expired = sendApproved(old, 1);
            assertThat(expired.reason()).isEqualTo(RejectReason.KEY_EXPIRED);
        }
        try (TestLane lane = overTls(rotated)) {
            assertThat(sendApproved(lane, 2).status()).isEqualTo(AckStatus.ACCEPTED);
        }
    }

    @Test
    void deactivateStationDropsItFromTheBrokerAtOnceAndRefusesItsLogins() throws Exception {
        StationBundle withCert = provision("CDA-OFF", "off-1", true);
        StationBundle withPassword = provision("CDA-OFF", "off-2", false);
        try (TestLane certLane = overTls(withCert); TestLane passwordLane = overTls(withPassword)) {
            assertThat(sendApproved(certLane, 1).status()).isEqualTo(AckStatus.ACCEPTED);

            Run off = run("deactivate-station", "--data", dir.toString(), "--station", "off-1");
            assertThat(off.code()).as(off.err()).isZero();
            assertThat(off.out()).contains("station off-1 deactivated");

            await().atMost(Duration.ofSeconds(2)).until(() -> !certLane.client.isConnected());
            assertThat(passwordLane.client.isConnected()).as("other stations stay").isTrue();
        }
        assertThatThrownBy(() -> overTls(withCert))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));

        assertThat(run("deactivate-station", "--data", dir.toString(), "--station", "off-1", "--reactivate").code()).isZero();
        try (TestLane back = overTls(withCert)) {
            assertThat(back.client.isConnected()).isTrue();
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"revoke-key", "--data", dir.toString(), "--station", "nobody", "--key-version", "1"},
                {"revoke-key", "--data", dir.toString(), "--station", "nobody", "--key-version", "0"},
                {"rotate-key", "--data", dir.toString(), "--station", "nobody", "--public-key",
                        Ed25519Keys.generate("x#1").verificationKey().toBase64Url()},
                {"rotate-key", "--data", dir.toString(), "--station", "plain-1", "--public-key", "not-a-key"},
                {"rotate-key", "--data", dir.toString(), "--station", "plain-1", "--public-key",
                        Ed25519Keys.generate("x#1").verificationKey().toBase64Url(), "--grace-hours", "-1"},
                {"deactivate-station", "--data", dir.toString(), "--station", "nobody"},
                {"deactivate-station", "--data", dir.resolve("missing").toString(), "--station", "plain-1"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\n");
        }
    }
}
