package co.rtm.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.tls.BrokerCa;
import co.rtm.hub.tls.IssuedCertificate;
import co.rtm.hub.tls.Pem;
import co.rtm.hub.tls.X509Issuer;
import co.rtm.hub.transport.HubClientSettings;
import co.rtm.hub.transport.HubMqttClient;
import co.rtm.hub.transport.RecordingHandler;
import co.rtm.profiles.wire.TlsSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's TLS listener and client-certificate login, with real Paho clients on loopback. */
class TlsBrokerTest {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int CLIENT_ID_NOT_VALID = 0x85;

    @TempDir
    static Path dir;

    private static final InMemoryAuthenticator AUTH = new InMemoryAuthenticator()
            .addHub("hub-1", "hub-secret")
            .addStation("C1", "S1", "s1-secret")
            .addStation("C1", "S2", "s2-secret")
            .addStation("C1", "S3", "s3-secret")
            .addStation("C1", "S4", "s4-secret");
    private static final RecordingHandler HUB_INBOX = new RecordingHandler();
    private static BrokerCa ca;
    private static EmbeddedBroker broker;
    private static HubMqttClient hub;

    @BeforeAll
    static void startBroker() throws Exception {
        QuietLogs.apply();
        Path home = Files.createDirectories(dir.resolve("home"));
        ca = BrokerCa.create(home, Clock.systemUTC(), new ArrayList<>());
        TlsListener tls = new TlsListener(0, ca.server().privateKey(), List.of(ca.server().certificate(), ca.certificate()),
                ca.certificate());
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0, tls, AUTH);
        hub = HubMqttClient.connect(
                HubClientSettings.of(broker.url(), "hub-1", "hub-secret".getBytes(StandardCharsets.UTF_8)).withShared(false),
                HUB_INBOX);
    }

    @AfterAll
    static void stopBroker() {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private static SSLSocketFactory trustingTheCa() {
        return TlsSockets.factory(ca.certificatePem(), null, null);
    }

    private static SSLSocketFactory withCertificate(IssuedCertificate client) {
        return TlsSockets.factory(ca.certificatePem(), client.certificatePem(), client.privateKeyPem());
    }

    @Test
    void configHasALoopbackTlsListenerBesideThePlainOneAndOwnerOnlyKeyStores() throws Exception {
        String xml = Files.readString(dir.resolve("broker/conf/config.xml"));
        assertThat(xml.split("<tcp-listener>", -1)).hasSize(2);
        assertThat(xml.split("<tls-tcp-listener>", -1)).hasSize(2);
        assertThat(xml).contains("<port>" + broker.tlsPort() + "</port>")
                .doesNotContain("0.0.0.0")
                .contains("<client-authentication-mode>OPTIONAL</client-authentication-mode>");
        for (String file : List.of("config.xml", BrokerKeyStores.KEYSTORE, BrokerKeyStores.TRUSTSTORE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("broker/conf").resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        assertThat(broker.tlsUrl()).isEqualTo("ssl://127.0.0.1:" + broker.tlsPort());
    }

    @Test
    void aStationTrustingTheBundlesCaConnectsOverTlsWithItsPassword() throws Exception {
        try (StationClient s1 = StationClient.connectTls(broker.tlsUrl(), "S1", "S1", "s1-secret", trustingTheCa())) {
            assertThat(s1.publish("runt/v1/C1/S1/inspection", "over tls")).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB_INBOX.payloadsUnder("runt/v1/C1/S1/").contains("over tls"));
    }

    @Test
    void theTlsListenerStillWantsAPasswordOrCertificate() {
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S1", "S1", "wrong", trustingTheCa()))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S1", null, null, trustingTheCa()))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aClientTrustingAnotherCaDoesNotConnect() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other-home"));
        BrokerCa otherCa = BrokerCa.create(other, Clock.systemUTC(), new ArrayList<>());
        SSLSocketFactory wrongTrust = TlsSockets.factory(otherCa.certificatePem(), null, null);
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S1", "S1", "s1-secret", wrongTrust))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aCertificateFromTheCaNamingTheStationLogsInWithoutAPasswordUnderTheSameAcl() throws Exception {
        try (StationClient s2 = StationClient.connectTls(broker.tlsUrl(), "S2", null, null, withCertificate(ca.issueClient("S2")))) {
            assertThat(s2.isConnected()).isTrue();
            assertThat(s2.publish("runt/v1/C1/S2/inspection", "by certificate")).isZero();
            assertThat(s2.subscribe("runt/v1/C1/S1/ack")).isEqualTo(NOT_AUTHORIZED);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB_INBOX.payloadsUnder("runt/v1/C1/S2/").contains("by certificate"));
    }

    @Test
    void publishingOnAnotherStationsTopicOverTlsIsRefusedByTheBroker() throws Exception {
        try (StationClient s3 = StationClient.connectTls(broker.tlsUrl(), "S3", "S3", null, withCertificate(ca.issueClient("S3")))) {
            assertThat(s3.publish("runt/v1/C1/S1/inspection", "forged over tls")).isEqualTo(NOT_AUTHORIZED);
            await().atMost(Duration.ofSeconds(5)).until(() -> !s3.isConnected());
        }
        try (StationClient s3 = StationClient.connectTls(broker.tlsUrl(), "S3", "S3", null, withCertificate(ca.issueClient("S3")))) {
            assertThat(s3.publish("runt/v1/C1/S3/inspection", "marker after forgery")).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB_INBOX.payloadsUnder("runt/v1/C1/S3/").contains("marker after forgery"));
        assertThat(HUB_INBOX.payloadsUnder("runt/v1/C1/S1/")).doesNotContain("forged over tls");
    }

    @Test
    void anotherStationsCertificateDoesNotLogInUnderADifferentClientIdEvenWithThatStationsPassword() {
        SSLSocketFactory s2Certificate = withCertificate(ca.issueClient("S2"));
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S3", null, null, s2Certificate))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID));
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S3", "S3", "s3-secret", s2Certificate))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID));
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S2", "S3", null, s2Certificate))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aSelfSignedCertificateOrOneFromAnotherCaIsRefused() {
        Instant now = Instant.now();
        KeyPair selfKeys = X509Issuer.newKeyPair();
        X509Certificate selfSigned = X509Issuer.selfSignedCa(selfKeys, "S2", now, Duration.ofDays(1));
        SSLSocketFactory self = TlsSockets.factory(ca.certificatePem(), Pem.of(selfSigned), Pem.of(selfKeys.getPrivate()));
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S2", null, null, self))
                .isInstanceOf(MqttException.class);

        KeyPair rogueCaKeys = X509Issuer.newKeyPair();
        X509Certificate rogueCa = X509Issuer.selfSignedCa(rogueCaKeys, ca.certificate().getSubjectX500Principal().getName()
                .replace("CN=", ""), now, Duration.ofDays(1));
        KeyPair stationKeys = X509Issuer.newKeyPair();
        X509Certificate forged = X509Issuer.client(rogueCa, rogueCaKeys.getPrivate(), stationKeys.getPublic(), "S2", now,
                Duration.ofDays(1));
        SSLSocketFactory rogue = TlsSockets.factory(ca.certificatePem(), Pem.of(forged), Pem.of(stationKeys.getPrivate()));
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S2", null, null, rogue))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aValidCertificateOfAnUnregisteredOrRevokedStationIsRefused() throws Exception {
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S9", null, null, withCertificate(ca.issueClient("S9"))))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));

        IssuedCertificate s4 = ca.issueClient("S4");
        try (StationClient client = StationClient.connectTls(broker.tlsUrl(), "S4", null, null, withCertificate(s4))) {
            AUTH.revoke("S4");
            assertThat(broker.disconnect("S4").get()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
        }
        assertThatThrownBy(() -> StationClient.connectTls(broker.tlsUrl(), "S4", null, null, withCertificate(s4)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }
}
