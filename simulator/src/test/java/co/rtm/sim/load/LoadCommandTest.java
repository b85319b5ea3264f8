package co.rtm.sim.load;

import co.rtm.hub.home.HubHome;
import co.rtm.hub.HubServer;
import co.rtm.hub.HubConfig;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadCommandTest {

    @Test
    void everyPreSignedResultPassesEveryLedgerRuleAndTheLastLineIsTheSummary(@TempDir Path data) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        // --rules: class, hours, accreditation, capacity and a registered inspector who must log in first
        int code = cli.execute("--results", "300", "--stations", "3", "--baseline", "300", "--data", data.toString(), "--rules");

        String[] lines = out.toString().strip().split("\n");
        JsonNode summary = Json.newMapper().readTree(lines[lines.length - 1]);
        assertThat(code).as(err.toString()).isZero();
        for (String field : new String[] {"sent", "accepted", "duplicates", "refused", "seconds", "acceptedPerSecond",
                "ackLatencyMs", "baselineRoundTripsPerSecond"}) {
            assertThat(summary.has(field)).as(field).isTrue();
        }
        assertThat(summary.get("sent").asLong()).isEqualTo(300);
        assertThat(summary.get("refused").asLong()).isZero();
        assertThat(summary.get("unacked").asLong()).isZero();
        assertThat(summary.get("badAcks").asLong()).isZero();
        // a lost ack (the hub drops acks past Paho's in-flight limit) is resent and answered DUPLICATE
        assertThat(summary.get("accepted").asLong() + summary.get("duplicates").asLong()).isEqualTo(300);
        assertThat(summary.get("hubAccepted").asLong()).isEqualTo(300);
        for (String p : new String[] {"p50", "p95", "p99"}) {
            assertThat(summary.get("ackLatencyMs").get(p).isNumber()).as(p).isTrue();
            assertThat(summary.get("ackLatencyMs").get(p).asDouble()).as(p).isPositive();
        }
        assertThat(summary.get("baselineRoundTripsPerSecond").asDouble()).isPositive();
        assertThat(err.toString()).contains("pre-signed 300 inspections").contains("3 inspector logins acknowledged");
        assertThat(summary.get("rules").asBoolean()).isTrue();
    }

    @Test
    void aRunningHubTakesTheLoadThroughItsOwnBrokerAndRegistry(@TempDir Path data) throws Exception {
        HubHome.init(data);
        try (HubServer hub = HubServer.start(HubConfig.embedded(data, 0))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new LoadCommand());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));

            int code = cli.execute("--results", "200", "--stations", "2", "--hub", hub.mqttUrl(), "--data", data.toString());

            String[] lines = out.toString().strip().split("\n");
            JsonNode summary = Json.newMapper().readTree(lines[lines.length - 1]);
            assertThat(code).as(err.toString()).isZero();
            assertThat(summary.get("hub").asText()).isEqualTo(hub.mqttUrl());
            assertThat(summary.get("accepted").asLong() + summary.get("duplicates").asLong()).isEqualTo(200);
            assertThat(summary.get("badAcks").asLong()).isZero();
            assertThat(summary.get("baselineRoundTripsPerSecond").isNull()).isTrue();
            assertThat(err.toString()).contains("no baseline");
            // the serving hub itself numbered them: its own counters, not the load's reading of the acks
            assertThat(hub.counters().accepted()).isEqualTo(200);

            // a second load on the same hub: its own plates, so none overlaps the first load's inspections
            StringWriter again = new StringWriter();
            cli.setOut(new PrintWriter(again));
            assertThat(cli.execute("--results", "100", "--stations", "2", "--hub", hub.mqttUrl(), "--data", data.toString()))
                    .isZero();
            String[] second = again.toString().strip().split("\n");
            assertThat(Json.newMapper().readTree(second[second.length - 1]).get("refused").asLong()).isZero();
            assertThat(hub.counters().accepted()).isEqualTo(300);
        }
    }

    @Test
    void aRunningHubNeedsItsDataDirectory(@TempDir Path empty) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("--results", "10", "--hub", "tcp://127.0.0.1:1883")).isEqualTo(2);
        assertThat(err.toString()).contains("--hub needs --data");
        assertThat(cli.execute("--results", "10", "--hub", "tcp://127.0.0.1:1883", "--data", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a hub data directory");
    }
}
