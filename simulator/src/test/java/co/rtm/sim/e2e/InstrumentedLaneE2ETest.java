package co.rtm.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.profile.Profiles;
import co.rtm.sim.lane.InstrumentedLane;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with instruments: simulated devices on TCP, the agent process started as a lane would start it
 * ({@code run --lane --instruments}), its links, decoders and procedures, the signed result over MQTT, and the
 * hub's ledger holding each measurement as the instruments played it, with the raw series as evidence.
 */
class InstrumentedLaneE2ETest {
    @TempDir
    Path dir;

    @Test
    void readingsTravelFromTheInstrumentsToTheLedger() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        int port = Processes.freePort();
        Path bundle = dir.resolve("bundle.json");
        StringWriter out = new StringWriter();
        assertThat(HubMain.run(new PrintWriter(out), new PrintWriter(out), "provision-station", "--data", hubDir.toString(),
                "--center", "CDA-E2E-003", "--station", "moto-lane-1", "--kind", "cda-motorcycle", "--out", bundle.toString(),
                "--mqtt-url", "tcp://127.0.0.1:" + port)).as(out.toString()).isZero();
        Process hub = Processes.java(dir.resolve("hub.log"), "co.rtm.hub.cli.HubMain",
                "serve", "--data", hubDir.toString(), "--mqtt-port", String.valueOf(port));
        Process agent = null;
        Path hubDb = hubDir.resolve("hub.db");
        try (InstrumentedLane lane = InstrumentedLane.start(Profiles.builtIn("cda-motorcycle").orElseThrow(), 23, Duration.ZERO)) {
            Path instruments = dir.resolve("instruments.yaml");
            lane.writeInstruments(instruments, 120);
            agent = Processes.java(dir.resolve("agent.log"), "co.rtm.agent.cli.AgentMain", "run", "--bundle", bundle.toString(),
                    "--data", dir.resolve("station").toString(), "--lane", lane.receptionUrl(), "--instruments", instruments.toString());
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> payloads(hubDb).size() >= 3);

            for (JsonNode p : payloads(hubDb)) {
                JsonNode input = p.path("input");
                String plate = input.path("vehicle").path("plate").asText();
                Measurements truth = lane.truth(plate).orElseThrow();
                assertThat(input.has("invalidTests")).as("%s: %s", plate, input.path("invalidTests")).isFalse();
                assertThat(p.path("score").path("verdict").asText()).isIn("APPROVED", "REJECTED");
                List<Double> depths = new ArrayList<>();
                input.path("measurements").path("tyres").path("treadDepthsMm").forEach(d -> depths.add(d.asDouble()));
                assertThat(depths).isEqualTo(truth.tyres().treadDepthsMm());
                assertThat(input.path("measurements").path("lights").path("lowBeams").get(0).path("intensityKlux").asDouble())
                        .isEqualTo(truth.lights().lowBeams().get(0).intensityKlux());
                JsonNode evidence = p.path("evidence");
                assertThat(evidence.path("instruments")).extracting(u -> u.path("test").asText())
                        .contains("lights", "brakes", "tyres");
                String series = new String(new GZIPInputStream(new ByteArrayInputStream(
                        Base64.getDecoder().decode(evidence.path("samples").asText()))).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(series).contains("\"t\":\"brakes\"").contains("BrakeForce").contains("\"t\":\"tyres\"");
            }
        } finally {
            if (agent != null) {
                agent.destroy();
                agent.waitFor();
            }
            hub.destroy();
            hub.waitFor();
        }
        StringWriter verify = new StringWriter();
        assertThat(HubMain.run(new PrintWriter(verify), new PrintWriter(new StringWriter()), "verify-ledger", "--data",
                hubDir.toString(), "--json")).as(verify.toString()).isZero();
    }

    private static List<JsonNode> payloads(Path hubDb) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (!hubDb.toFile().exists()) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + hubDb + "?mode=ro");
             ResultSet rs = c.createStatement().executeQuery("SELECT payload FROM results ORDER BY id")) {
            while (rs.next()) {
                out.add(json.readTree(rs.getString(1)));
            }
        }
        return out;
    }
}
