package co.rtm.sim.e2e;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.station.Bundles;
import co.rtm.agent.station.StationAgent;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.tls.BrokerCa;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent's uplink over the hub's TLS listener, trusting only the bundle's broker CA, with and without a client certificate. */
class TlsUplinkE2ETest {
    @TempDir
    Path dir;

    private StationBundle provision(Path hubDir, String station, String url, boolean clientCert) throws Exception {
        Path bundleFile = dir.resolve(station + ".json");
        StringWriter out = new StringWriter();
        var args = new ArrayList<>(java.util.List.of("provision-station", "--data", hubDir.toString(), "--center", "CDA-TLS",
                "--station", station, "--kind", "cda-light", "--out", bundleFile.toString(), "--mqtt-url", url));
        if (clientCert) args.add("--client-cert");
        assertThat(HubMain.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new))).as(out.toString()).isZero();
        return Bundles.read(bundleFile);
    }

    @Test
    void agentsReachTheHubOverTlsWithACertificateOrAPasswordButNotTrustingAnotherCa() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0).withMqttTlsPort(0));
             LaneDevice certDevice = LaneDevice.start(new LaneVehicles(3, Profiles.builtIn("cda-light").orElseThrow()), Duration.ofMillis(50));
             LaneDevice passwordDevice = LaneDevice.start(new LaneVehicles(4, Profiles.builtIn("cda-light").orElseThrow()), Duration.ofMillis(50))) {
            StationBundle withCert = provision(hubDir, "tls-cert-1", hub.mqttTlsUrl(), true);
            StationBundle withPassword = provision(hubDir, "tls-pass-1", hub.mqttTlsUrl(), false);
            assertThat(withCert.tls().hasClientCertificate()).isTrue();
            assertThat(withPassword.tls().hasClientCertificate()).isFalse();

            Path otherHome = Files.createDirectories(dir.resolve("other-ca"));
            String otherCa = BrokerCa.create(otherHome, Clock.systemUTC(), new ArrayList<>()).certificatePem();
            StationBundle wrongTrust = withPassword.withTls(new StationBundle.Tls(otherCa, null, null));

            try (StationAgent cert = StationAgent.start(withCert, dir.resolve("cert-station"), new TcpLaneFeed("127.0.0.1", certDevice.port()));
                 StationAgent password = StationAgent.start(withPassword, dir.resolve("pass-station"), new TcpLaneFeed("127.0.0.1", passwordDevice.port()))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> cert.stats().acked() >= 3 && password.stats().acked() >= 3);
                assertThat(cert.stats().rejectedByHub()).isZero();
                assertThat(password.stats().rejectedByHub()).isZero();
            }
            long accepted = hub.counters().accepted();
            try (StationAgent distrustful = StationAgent.start(wrongTrust, dir.resolve("wrong-station"), new TcpLaneFeed("127.0.0.1", passwordDevice.port()))) {
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
                assertThat(distrustful.connected()).isFalse();
                assertThat(distrustful.stats().acked()).isZero();
            }
            assertThat(hub.counters().accepted()).isEqualTo(accepted);
        }
    }
}
