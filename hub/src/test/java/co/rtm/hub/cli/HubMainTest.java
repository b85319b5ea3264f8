package co.rtm.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubMainTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void initCreatesAnOwnerOnlyKeyAndRefusesToRunTwice() throws Exception {
        Path data = tmp.resolve("hub");
        Run first = run("init", "--data", data.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("hub-key.json").contains("hub-mqtt.json").contains("hub.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("hub-key.json"))))
                .isEqualTo("rw-------");
        String key = Files.readString(data.resolve("hub-key.json"));

        Run second = run("init", "--data", data.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err().strip()).startsWith("error: ").doesNotContain("\n").contains("refusing");
        assertThat(Files.readString(data.resolve("hub-key.json"))).isEqualTo(key);
    }

    @Test
    void provisionWritesAnOwnerOnlyBundleAndRefusesBadInput() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();
        Path bundleFile = tmp.resolve("lane-1.json");

        Run ok = run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "lane-1",
                "--kind", "cda-light", "--out", bundleFile.toString(), "--mqtt-url", "tcp://127.0.0.1:1999");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bundleFile))).isEqualTo("rw-------");
        StationBundle bundle = Json.read(Files.readAllBytes(bundleFile), StationBundle.class);
        assertThat(bundle.stationId()).isEqualTo("lane-1");
        assertThat(bundle.centerId()).isEqualTo("CDA-1");
        assertThat(bundle.profile()).isEqualTo("cda-light@1");
        assertThat(bundle.keyVersion()).isEqualTo(1);
        assertThat(bundle.hubKeyId()).isEqualTo("hub#1");
        assertThat(bundle.mqtt().url()).isEqualTo("tcp://127.0.0.1:1999");
        assertThat(bundle.mqtt().username()).isEqualTo("lane-1");
        bundle.signingKey();
        bundle.hubKey();

        // the same station again, an unknown profile, a missing option, an uninitialised directory
        assertError(run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "lane-1",
                "--kind", "cda-light", "--out", tmp.resolve("again.json").toString()));
        assertError(run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "lane-2",
                "--kind", "bus-lane", "--out", tmp.resolve("x.json").toString()));
        assertError(run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "lane-3",
                "--kind", "cda-light", "--out", bundleFile.toString()));
        assertError(run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "lane-4"));
        assertError(run("provision-station", "--data", tmp.resolve("nothing").toString(), "--center", "CDA-1",
                "--station", "lane-5", "--kind", "cda-light", "--out", tmp.resolve("y.json").toString()));
        // a mobile lane cannot join a fixed CDA
        assertError(run("provision-station", "--data", data.toString(), "--center", "CDA-1", "--station", "mob-1",
                "--kind", "cda-light-mobile", "--out", tmp.resolve("z.json").toString()));
    }

    @Test
    void verifyLedgerOnAFreshHubIsOkAndBadInputExitsTwo() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();

        Run json = run("verify-ledger", "--data", data.toString(), "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out().strip()).startsWith("{").endsWith("}").contains("\"ok\":true")
                .contains("\"furGaps\":0").contains("\"auditChainOk\":true");
        Run text = run("verify-ledger", "--data", data.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("ledger OK");

        assertError(run("verify-ledger", "--data", tmp.resolve("nothing").toString()));
        assertError(run("verify-ledger", "--data", data.toString(), "--db", "jdbc:nosuch:x"));
        assertError(run("verify-ledger"));
        assertError(run("frobnicate"));
        assertError(run());
    }

    @Test
    void serveHelpSaysTheDashboardIsNotServedYet() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--http-port").contains("NOT served");
    }

    private static void assertError(Run r) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("\tat ");
    }
}
