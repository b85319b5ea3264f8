package co.rtm.hub.exam;

import static co.rtm.hub.exam.ExamFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.broker.StationClient;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provisioned CALE theory station publishes a signed exam through the real embedded broker with a Paho client. */
class ExamBrokerTest {
    @TempDir
    Path dir;

    @Test
    void aSignedExamThroughTheBrokerIsAnsweredWithASignedAckCarryingTheCertificateNumber() throws Exception {
        HubHome.init(dir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(dir, 0))) {
            StationBundle bundle = hub.provision("CALE-B", "theory-b1", "cale-theory");
            ExamFixture f = new ExamFixture(hub.database());
            f.keys.put("theory-b1", bundle.signingKey());
            DocumentId ana = DocumentId.parse("CC-79123456");
            f.certify(ana, LicenceCategory.B1, LocalDate.of(2026, 10, 20));
            String turn = f.book("CALE-B", ana, LicenceCategory.B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            ExamMessage exam = f.theory("theory-b1", "CALE-B", ana, LicenceCategory.B1, turn, at("2026-11-02T08:00:00"), 2);
            try (StationClient client = StationClient.connect(hub.mqttUrl(), bundle.mqtt().username(), bundle.mqtt().password())) {
                String ackTopic = new Topic("CALE-B", "theory-b1", TopicKind.ACK).name();
                client.subscribe(ackTopic);
                byte[] corr = exam.messageId().toString().getBytes(StandardCharsets.US_ASCII);
                int rc = client.publish(new Topic("CALE-B", "theory-b1", TopicKind.EXAM).name(),
                        new String(f.sign(exam, bundle.signingKey()), StandardCharsets.UTF_8), ackTopic, corr);
                assertThat(rc).isLessThan(0x80);
                await().atMost(Duration.ofSeconds(15)).until(() -> !client.received().isEmpty());
                MqttMessage reply = client.received().get(0);
                assertThat(reply.getProperties().getCorrelationData()).isEqualTo(corr);
                Envelope envelope = Envelope.parse(reply.getPayload());
                assertThat(envelope.verify(bundle.hubKey())).isTrue();
                Ack ack = Json.read(envelope.payload(), Ack.class);
                assertThat(ack.messageId()).isEqualTo(exam.messageId());
                assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
                assertThat(ack.certificateNumber()).isEqualTo(1L);
                assertThat(ack.furNumber()).isNull();
            }
        }
    }
}
