package co.rtm.hub.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.rtm.hub.broker.StationClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub client against an external broker (Mosquitto), as when several hub instances share
 * one broker. Skipped when the mosquitto binary is missing, except on CI (CI=true), where its
 * absence is a failure.
 */
class MosquittoInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    private static Process mosquitto;
    private static String url;

    @BeforeAll
    static void startMosquitto() throws Exception {
        Optional<Path> binary = findMosquitto();
        if (binary.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("mosquitto binary not found but CI=true; install the Debian package 'mosquitto'");
            }
            assumeTrue(false, "mosquitto binary not found; install the Debian package 'mosquitto'");
        }
        int port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr",
                ""));
        mosquitto = new ProcessBuilder(binary.get().toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        url = "tcp://127.0.0.1:" + port;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> accepts(port));
    }

    @AfterAll
    static void stopMosquitto() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly();
            }
        }
    }

    @Test
    void exchangesARequestAndReplyOverASharedSubscription() throws Exception {
        byte[] correlation = "corr-42".getBytes(StandardCharsets.UTF_8);
        RecordingHandler inbox = new RecordingHandler();
        HubClientSettings settings = new HubClientSettings(url, "hub-mosquitto", null, null, Duration.ofMinutes(5), true);
        List<HubMqttClient> hubRef = new ArrayList<>();
        MessageHandler replying = message -> {
            inbox.handle(message);
            hubRef.get(0).reply(message.responseTopic().orElseThrow(), message.correlationData().orElse(null),
                    "ACCEPTED".getBytes(StandardCharsets.UTF_8));
        };
        try (HubMqttClient hub = HubMqttClient.connect(settings, replying);
                StationClient station = StationClient.connect(url, "S1", "unused")) {
            hubRef.add(hub);
            assertThat(station.subscribe("runt/v1/C1/S1/ack")).isEqualTo(1);

            assertThat(station.publish("runt/v1/C1/S1/inspection", "insp", "runt/v1/C1/S1/ack", correlation)).isZero();

            await().atMost(WAIT).until(() -> !station.received().isEmpty());
            assertThat(inbox.payloadsUnder("runt/v1/C1/S1/inspection")).containsExactly("insp");
            MqttMessage ack = station.received().get(0);
            assertThat(new String(ack.getPayload(), StandardCharsets.UTF_8)).isEqualTo("ACCEPTED");
            assertThat(ack.getProperties().getCorrelationData()).isEqualTo(correlation);
        }
    }

    private static Optional<Path> findMosquitto() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
