package co.rtm.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.station.Bundles;
import co.rtm.agent.station.StationAgent;
import co.rtm.agent.tracks.TrackRecorder;
import co.rtm.agent.tracks.TrackSettings;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.tracks.FixCounts;
import co.rtm.hub.tracks.TrackLimits;
import co.rtm.hub.tracks.TrackPoint;
import co.rtm.hub.tracks.TrackReader;
import co.rtm.profiles.wire.StationBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mobile line's track end to end: a real receiver's NMEA capture (SkyTraq DGPS, GPSD's regression suite) from a
 * TCP device server, the agent's recorder, its outbox and MQTT uplink, the embedded hub, the fixes table. The
 * capture is from 2016, so the hub's stale bound is widened for it.
 */
class TrackE2ETest {
    @TempDir
    Path dir;

    static byte[] capture() throws IOException {
        try (InputStream in = TrackE2ETest.class.getResourceAsStream("skytraq-dgps.log")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l + "\r\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Sends the capture to the first connection, then keeps every connection open and silent. */
    static ServerSocket gpsDevice(byte[] nmea) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            List<Socket> open = new ArrayList<>();
            try {
                Socket first = server.accept();
                open.add(first);
                OutputStream out = first.getOutputStream();
                out.write(nmea);
                out.flush();
                while (!server.isClosed()) {
                    open.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }, "gps-device");
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aCapturedTrackReachesTheFixesTableOnceEvenWhenTheAgentRestarts() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        TrackLimits limits = TrackLimits.defaults().withStaleAfter(Duration.ofDays(365L * 30));
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0), limits);
             ServerSocket gps = gpsDevice(capture());
             ServerSocket noLane = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path bundleFile = dir.resolve("movil-1.json");
            StringWriter out = new StringWriter();
            assertThat(HubMain.run(new PrintWriter(out), new PrintWriter(out), "provision-station", "--data", hubDir.toString(),
                    "--center", "CDA-MOV", "--station", "movil-1", "--kind", "cda-light", "--out", bundleFile.toString(),
                    "--mqtt-url", hub.mqttUrl())).as(out.toString()).isZero();
            StationBundle bundle = Bundles.read(bundleFile);
            TrackSettings settings = new TrackSettings(() -> TcpLink.connect("127.0.0.1", gps.getLocalPort(),
                    Duration.ofSeconds(2)), Duration.ofSeconds(2), 30, 5.0, 0.25, Duration.ofSeconds(30));
            TrackReader reader = new TrackReader(hub.database());
            Path data = dir.resolve("station");
            try (StationAgent agent = StationAgent.start(bundle, data, new TcpLaneFeed("127.0.0.1", noLane.getLocalPort()))) {
                TrackRecorder recorder = agent.recordTrack(settings);
                await().atMost(Duration.ofSeconds(60)).until(() -> recorder.stats().fixesStored() == 96
                        && agent.outboxPending() == 0);
                assertThat(agent.stats().rejectedByHub()).isZero();
            }
            assertThat(reader.totals("movil-1")).isEqualTo(new FixCounts(96, 96, 0, 0, 0, 0));
            Instant first = Instant.parse("2016-04-07T21:31:21Z");
            List<TrackPoint> fixes = reader.fixesBetween("movil-1", first, first.plus(Duration.ofHours(1)));
            assertThat(fixes).hasSize(96).extracting(TrackPoint::deviceTime).isSorted().startsWith(first);
            assertThat(fixes.get(0).lat()).isBetween(44.06, 44.07);
            assertThat(fixes.get(0).lon()).isBetween(-121.32, -121.31);

            // the agent restarts on the same data dir: nothing waits, nothing is sent or stored twice
            try (StationAgent again = StationAgent.start(bundle, data, new TcpLaneFeed("127.0.0.1", noLane.getLocalPort()))) {
                assertThat(again.outboxPending()).isZero();
            }
            assertThat(reader.totals("movil-1").received()).isEqualTo(96);
            assertThat(hub.counters().accepted()).isEqualTo(4);
        }
    }
}
