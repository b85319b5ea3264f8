package co.rtm.sim.cale;

import co.rtm.agent.exam.ExamAgent;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.station.Bundles;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.cli.SimulatorMain;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulator cale} enrols its population, then drives two exam agents started from provisioning bundles. */
class CaleCommandTest {

    @TempDir
    Path dir;

    Path bundle(String station, String profile) throws Exception {
        SigningKey key = Ed25519Keys.generate(station + "#1");
        SigningKey hub = Ed25519Keys.generate("hub#1");
        StationBundle b = new StationBundle(StationBundle.FORMAT, "CALE-IBG", station, profile, 1, key.seedBase64Url(),
                hub.kid(), hub.verificationKey().toBase64Url(), new StationBundle.Mqtt("tcp://127.0.0.1:1", station, "x"),
                OffsetDateTime.now());
        return Files.write(dir.resolve(station + ".json"), Json.write(b));
    }

    int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new SimulatorMain());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void drivesATheoryRoomAndAPracticalRouteOfRunningAgents() throws Exception {
        Path registry = dir.resolve("registry.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int n = 12;
        assertThat(run(out, err, "cale", "--registry", registry.toString(), "--candidates", "" + n, "--seed", "7")).isEqualTo(0);
        List<SyntheticCandidate> population = SyntheticCandidates.generate(7, n, 0.1, 0.05);
        long twice = population.stream().filter(c -> c.kind() == SyntheticCandidate.Kind.ENROLLED_TWICE).count();
        long refusedExpected = population.stream().filter(c -> c.kind() != SyntheticCandidate.Kind.GENUINE).count();
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(registry);
             ExamAgent theory = ExamAgent.start(Bundles.readExam(bundle("T1", "cale-theory@1")), dir.resolve("t"), replica, 0,
                     TheoryDrawer.newSeed(new SecureRandom()), Clock.systemUTC());
             ExamAgent practical = ExamAgent.start(Bundles.readExam(bundle("P1", "cale-practical@1")), dir.resolve("p"), replica, 0,
                     TheoryDrawer.newSeed(new SecureRandom()), Clock.systemUTC())) {
            assertThat(replica.size()).isEqualTo(n + (int) twice);
            StringWriter out2 = new StringWriter();
            assertThat(run(out2, err, "cale", "--registry", registry.toString(), "--candidates", "" + n, "--seed", "7",
                    "--theory", "127.0.0.1:" + theory.port(), "--practical", "127.0.0.1:" + practical.port())).isEqualTo(0);
            String[] lines = out2.toString().strip().split("\n");
            JsonNode summary = Json.newMapper().readTree(lines[lines.length - 1]);
            JsonNode t = summary.get("theory");
            int results = t.path("APPROVED").asInt() + t.path("NOT_APPROVED").asInt();
            int refused = 0;
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.startsWith("REFUSED_")) {
                    refused += t.get(k).asInt();
                }
            }
            assertThat(results + refused).isEqualTo(n);
            assertThat(refused).isEqualTo((int) refusedExpected);
            JsonNode p = summary.get("practical");
            assertThat(p.path("APPROVED").asInt() + p.path("NOT_APPROVED").asInt()).isEqualTo(t.path("APPROVED").asInt());
            // every closed exam and every impersonation event waits signed in the outboxes
            assertThat(theory.outboxPending()).isEqualTo(results + t.path("REFUSED_IMPERSONATION").asInt());
            assertThat(practical.outboxPending()).isEqualTo(t.path("APPROVED").asLong());
        }
    }

    @Test
    void badHostPortIsExitTwo() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "cale", "--registry", dir.resolve("r.db").toString(), "--theory", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--theory must be HOST:PORT");
    }
}
