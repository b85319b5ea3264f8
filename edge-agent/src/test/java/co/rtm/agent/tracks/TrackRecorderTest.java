package co.rtm.agent.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import co.rtm.agent.outbox.MessageState;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real receiver's capture over a TCP socket (as from an RS-232 device server) into a real outbox. */
class TrackRecorderTest {
    @TempDir
    Path dir;

    /** The capture without its comment lines, CR LF ended, as the receiver sent it. */
    static byte[] capture(String name) throws IOException {
        try (InputStream in = TrackRecorderTest.class.getResourceAsStream("/co/rtm/agent/instruments/gps/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l + "\r\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Serves {@code bytes} once to the first connection, then keeps it open (later connections get nothing). */
    static ServerSocket serveOnce(byte[] bytes) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            List<Socket> open = new ArrayList<>();
            try {
                Socket first = server.accept();
                open.add(first);
                OutputStream out = first.getOutputStream();
                for (int i = 0; i < bytes.length; i += 512) {
                    out.write(bytes, i, Math.min(512, bytes.length - i));
                }
                out.flush();
                while (!server.isClosed()) {
                    open.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }, "nmea-capture");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static List<TrackBatch> tracks(Outbox outbox) throws Exception {
        List<TrackBatch> out = new ArrayList<>();
        for (OutboxMessage m : outbox.nextToSend(1000)) {
            if (m.type().equals(TrackBatch.TYPE)) {
                Envelope e = Envelope.parse(m.payload());
                assertThat(e.header().typ()).isEqualTo("track");
                assertThat(m.topic()).isEqualTo("runt/v1/CDA-MOV/movil-1/track");
                out.add(Json.read(e.payload(), TrackBatch.class));
            }
        }
        return out;
    }

    @Test
    void aRealCaptureBecomesSignedBatchesOldestFirstInTheOutbox() throws Exception {
        byte[] nmea = capture("skytraq-dgps.log");
        SigningKey key = Ed25519Keys.generate("movil-1#1");
        try (ServerSocket device = serveOnce(nmea); Outbox outbox = Outbox.open(dir, OutboxConfig.defaults())) {
            TrackSettings settings = new TrackSettings(() -> TcpLink.connect("127.0.0.1", device.getLocalPort(),
                    Duration.ofSeconds(2)), Duration.ofSeconds(2), 30, 5.0, 0.25, Duration.ofSeconds(10));
            LinkedInstrument gps = LinkedInstrument.builder(() -> Decoders.forKind(InstrumentKind.GPS), settings.opener())
                    .silence(settings.silence()).build();
            TrackRecorder recorder = TrackRecorder.start(gps, outbox, "CDA-MOV", "movil-1", key, settings, () -> { },
                    Clock.systemUTC());
            // 96 epochs with a DGPS fix: three full batches of 30, the last six when the 2 s are up
            await().atMost(Duration.ofSeconds(20)).until(() -> recorder.stats().fixesStored() == 96);
            recorder.close();
            List<TrackBatch> batches = tracks(outbox);
            assertThat(batches).extracting(b -> b.fixes().size()).containsExactly(30, 30, 30, 6);
            assertThat(batches).extracting(TrackBatch::seq).isSorted();
            List<Instant> times = batches.stream().flatMap(b -> b.fixes().stream()).map(TrackFix::deviceTime).toList();
            assertThat(times).isSorted().doesNotHaveDuplicates();
            assertThat(times.get(0)).isEqualTo(Instant.parse("2016-04-07T21:31:21Z"));
            TrackFix first = batches.get(0).fixes().get(0);
            assertThat(first.lat()).isCloseTo(44 + 4.1295864 / 60, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.lon()).isCloseTo(-(121 + 18.8685453 / 60), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.quality()).isEqualTo(2);
            assertThat(first.hdop()).isEqualTo(1.2);
            assertThat(first.satellites()).isEqualTo(7);
            assertThat(Envelope.parse(outbox.nextToSend(1).get(0).payload()).verify(key.verificationKey())).isTrue();
        }
    }

    @Test
    void tracksStopAtTheirShareSoInspectionsCanStillStart() throws Exception {
        byte[] nmea = capture("skytraq-dgps.log");
        SigningKey key = Ed25519Keys.generate("movil-1#1");
        // 20 messages, reserve 2, tracks a quarter: at most 5 batches of 5 fixes stored, the rest held in memory
        OutboxConfig small = OutboxConfig.defaults().withLimits(20, 1L << 20, 2, 1024);
        try (ServerSocket device = serveOnce(nmea); Outbox outbox = Outbox.open(dir, small)) {
            TrackSettings settings = new TrackSettings(() -> TcpLink.connect("127.0.0.1", device.getLocalPort(),
                    Duration.ofSeconds(2)), Duration.ofSeconds(60), 5, 5.0, 0.25, Duration.ofSeconds(10));
            LinkedInstrument gps = LinkedInstrument.builder(() -> Decoders.forKind(InstrumentKind.GPS), settings.opener())
                    .silence(settings.silence()).build();
            TrackRecorder recorder = TrackRecorder.start(gps, outbox, "CDA-MOV", "movil-1", key, settings, () -> { },
                    Clock.systemUTC());
            await().atMost(Duration.ofSeconds(20)).until(() -> recorder.stats().batchesHeld() == 96 / 5 - 5);
            assertThat(recorder.stats().batchesStored()).isEqualTo(5);
            assertThat(outbox.count(MessageState.PENDING)).isEqualTo(5);
            assertThat(outbox.canStartNewInspection()).isTrue();
            recorder.close();
            assertThat(tracks(outbox)).extracting(b -> b.fixes().get(0).deviceTime()).isSorted();
        }
    }
}
