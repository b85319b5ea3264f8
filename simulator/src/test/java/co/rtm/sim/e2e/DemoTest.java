package co.rtm.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, as a newcomer runs it: {@code simulator demo}, in its own JVM. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void theDemoFillsAWholeLedgerIncludingResultsReadFromInstruments() throws Exception {
        Path data = dir.resolve("demo-data");
        Path log = dir.resolve("demo.log");
        Process demo = Processes.java(log, "co.rtm.sim.cli.SimulatorMain", "demo", "--duration", "60", "--data", data.toString(),
                "--http-port", "0");
        // while it runs, the hub's REST API answers on loopback
        String api = await().atMost(Duration.ofSeconds(60)).until(() -> apiUrl(log), java.util.Optional::isPresent).orElseThrow();
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(demo.waitFor(4, TimeUnit.MINUTES)).as("demo finished").isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(demo.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("demo: running"));   // progress while it runs
        JsonNode summary = new ObjectMapper().readTree(lines.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(summary.path("ok").asBoolean()).as(summary.toString()).isTrue();
        assertThat(summary.path("produced").asLong()).isGreaterThan(100);
        assertThat(summary.path("producedFromInstruments").asLong()).as(summary.toString()).isPositive();
        assertThat(summary.path("rejectedShare").asDouble()).isBetween(0.1, 0.4);
        assertThat(summary.path("ledger").path("furGaps").asLong()).isZero();
        // the CALE: candidates through theory and practical, certificates numbered, impostors caught (60 s is long enough)
        assertThat(summary.path("examsAccepted").asLong()).as(summary.toString()).isPositive();
        assertThat(summary.path("examCertificates").asLong()).as(summary.toString()).isPositive()
                .isLessThanOrEqualTo(summary.path("examsAccepted").asLong());
        assertThat(summary.path("impersonationAlerts").asLong()).as(summary.toString()).isPositive();
        assertThat(lines).anyMatch(l -> l.startsWith("demo: running") && l.contains("CALE: theory"));
        // the mobile line: refused outside Mitú and before its verification on purpose, accepted after it
        assertThat(summary.path("mobileRefused").asLong()).as(summary.toString()).isEqualTo(2);
        assertThat(summary.path("mobileAccepted").asLong()).as(summary.toString()).isEqualTo(3);
        assertThat(summary.path("mobileVerification").asBoolean()).isTrue();
        assertThat(summary.path("trackFixes").asLong()).isPositive();
        assertThat(summary.path("refused").asLong()).isEqualTo(summary.path("mobileRefused").asLong());
        assertThat(summary.path("dataDir").asText()).isEqualTo(data.toAbsolutePath().toString());
    }

    private static java.util.Optional<String> apiUrl(Path log) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("REST API on (http://127\\.0\\.0\\.1:\\d+)")
                .matcher(Files.exists(log) ? Files.readString(log) : "");
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
