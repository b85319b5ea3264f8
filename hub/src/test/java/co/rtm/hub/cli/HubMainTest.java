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
    void registerCenterStoresClassHoursAndAccreditationAndPrintsThem() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();
        String d = data.toString();

        Run created = run("register-center", "--data", d, "--center", "CDA-1", "--class", "b", "--hours",
                "mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed", "--accreditation-until", "2027-06-30");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out().strip()).isEqualTo("created centre CDA-1 (CDA): class B, hours "
                + "\"mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed\", accreditation valid until 2027-06-30, environmental certificate not registered, location not registered");

        Run changed = run("register-center", "--data", d, "--center", "CDA-1", "--hours", "none", "--class", "D");
        assertThat(changed.out().strip()).isEqualTo("centre CDA-1 (CDA): class D, hours not registered (always open), "
                + "accreditation valid until 2027-06-30, environmental certificate not registered, location not registered");

        Run bundle = run("provision-station", "--data", d, "--center", "CDA-1", "--station", "lane-1",
                "--kind", "cda-light", "--out", tmp.resolve("lane-1.json").toString());
        assertThat(bundle.code()).as(bundle.err()).isZero();

        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--class", "E"));
        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--hours", "mon-fri 7-18"));
        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--accreditation-until", "30/06/2027"));
        assertError(run("register-center", "--data", d, "--center", "CALE-1", "--kind", "CALE", "--class", "A"));
        assertError(run("register-center", "--data", d, "--center", "X-1", "--kind", "BUS"));
        assertError(run("register-center", "--data", tmp.resolve("nothing").toString(), "--center", "CDA-1"));
        Run bad = run("register-center", "--data", d, "--center", "CDA-1", "--hours", "mon-fri 07:00-18:00; sta 08:00-13:00");
        assertThat(bad.err()).contains("'sta 08:00-13:00'").contains("unknown day 'sta'");
    }

    @Test
    void registerCenterStoresLocationAndEnvironmentalCertificateAndNoneClearsThem() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();
        String d = data.toString();

        Run created = run("register-center", "--data", d, "--center", "CDA-1", "--department", "Cundinamarca",
                "--municipality", "Soacha", "--address", "Calle 13 # 7-20", "--lat", "4.5794", "--lon", "-74.2168",
                "--environmental-until", "2027-03-31", "--class", "B");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out().strip()).isEqualTo("created centre CDA-1 (CDA): class B, hours not registered (always open), "
                + "accreditation not registered, environmental certificate valid until 2027-03-31, "
                + "location \"Calle 13 # 7-20, Soacha, Cundinamarca, (4.5794, -74.2168)\"");

        Run kept = run("register-center", "--data", d, "--center", "CDA-1", "--address", "none", "--lat", "none",
                "--lon", "none");
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(kept.out().strip()).endsWith("class B, hours not registered (always open), accreditation not registered, "
                + "environmental certificate valid until 2027-03-31, location \"Soacha, Cundinamarca\"");

        Run cleared = run("register-center", "--data", d, "--center", "CDA-1", "--environmental-until", "none",
                "--department", "none", "--municipality", "none");
        assertThat(cleared.out().strip()).endsWith("environmental certificate not registered, location not registered");

        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--environmental-until", "31/03/2027"));
        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--lat", "4.5"));
        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--lat", "north", "--lon", "-74"));
        assertError(run("register-center", "--data", d, "--center", "CDA-1", "--lat", "91", "--lon", "-74"));
        Run bad = run("register-center", "--data", d, "--center", "CDA-1", "--environmental-until", "2027-02-30");
        assertThat(bad.err()).contains("--environmental-until '2027-02-30'");
    }

    @Test
    void setLaneStoresTheCapacityAndZeroMeansUnlimited() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();
        String d = data.toString();
        assertThat(run("provision-station", "--data", d, "--center", "CDA-1", "--station", "lane-1",
                "--kind", "cda-light", "--out", tmp.resolve("lane-1.json").toString()).code()).isZero();

        Run set = run("set-lane", "--data", d, "--station", "lane-1", "--capacity-per-hour", "4");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out().strip()).isEqualTo("lane lane-1: capacity 4 per clock hour");
        Run cleared = run("set-lane", "--data", d, "--station", "lane-1", "--capacity-per-hour", "0");
        assertThat(cleared.out().strip()).isEqualTo("lane lane-1: capacity not registered (unlimited)");

        assertError(run("set-lane", "--data", d, "--station", "lane-1", "--capacity-per-hour", "-1"));
        assertError(run("set-lane", "--data", d, "--station", "lane-1", "--capacity-per-hour", "four"));
        assertError(run("set-lane", "--data", d, "--station", "ghost", "--capacity-per-hour", "4"));
        assertError(run("set-lane", "--data", d, "--station", "lane-1"));
        assertThat(run("verify-ledger", "--data", d).code()).isZero();
    }

    @Test
    void addPersonAndDeactivatePersonPrintWhatTheyStored() throws Exception {
        Path data = tmp.resolve("hub");
        assertThat(run("init", "--data", data.toString()).code()).isZero();
        String d = data.toString();
        assertThat(run("provision-station", "--data", d, "--center", "CDA-1", "--station", "lane-1",
                "--kind", "cda-light", "--out", tmp.resolve("lane-1.json").toString()).code()).isZero();

        Run added = run("add-person", "--data", d, "--center", "CDA-1", "--document", "cc-79123456", "--name", "Ana Pérez",
                "--role", "inspector");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("registered inspector CC-79123456 \"Ana Pérez\" at centre CDA-1 (active)");
        Run director = run("add-person", "--data", d, "--center", "CDA-1", "--document", "CE-E55501", "--name", "Marta Ruiz",
                "--role", "technical-director");
        assertThat(director.out().strip()).isEqualTo("registered technical-director CE-E55501 \"Marta Ruiz\" at centre CDA-1 (active)");
        Run gone = run("deactivate-person", "--data", d, "--center", "CDA-1", "--document", "CC-79123456");
        assertThat(gone.code()).as(gone.err()).isZero();
        assertThat(gone.out().strip()).isEqualTo("deactivated inspector CC-79123456 \"Ana Pérez\" at centre CDA-1");

        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "79123456", "--name", "X", "--role", "inspector"));
        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "TI-1234567", "--name", "X", "--role", "inspector"));
        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "CC-12AB", "--name", "X", "--role", "inspector"));
        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "CC-1234567", "--name", "X", "--role", "boss"));
        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "CC-1234567", "--name", " ", "--role", "inspector"));
        assertError(run("add-person", "--data", d, "--center", "CDA-9", "--document", "CC-1234567", "--name", "X", "--role", "inspector"));
        assertError(run("add-person", "--data", d, "--center", "CDA-1", "--document", "CC-1234567", "--role", "inspector"));
        assertError(run("deactivate-person", "--data", d, "--center", "CDA-1", "--document", "CC-1234567"));
        Run bad = run("add-person", "--data", d, "--center", "CDA-1", "--document", "TI-1234567", "--name", "X", "--role", "inspector");
        assertThat(bad.err()).contains("document type must be CC or CE, not 'TI'");
        assertThat(run("verify-ledger", "--data", d).code()).isZero();
    }

    @Test
    void serveHelpNamesTheRestApiPort() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--http-port").contains("REST API port on 127.0.0.1"); // wrapping moves with the options
    }

    private static void assertError(Run r) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("\tat ");
    }
}
