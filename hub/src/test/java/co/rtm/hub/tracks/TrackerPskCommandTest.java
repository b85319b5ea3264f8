package co.rtm.hub.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerPskCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsANewKeyOnceAndRefusesAnUnknownStationInOneLine() throws Exception {
        HubHome.init(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "provision-station", "--data", dir.toString(), "--center", "CDA-MOV", "--station", "movil-1",
                "--kind", "cda-light", "--out", dir.resolve("b.json").toString())).as(err.toString()).isZero();

        StringWriter psk = new StringWriter();
        assertThat(run(psk, err, "tracker-psk", "--data", dir.toString(), "--station", "movil-1")).isZero();
        String line = psk.toString().trim();
        assertThat(line).matches("psk-identity=movil-1 psk-base64=\\S{44} psk-hex=[0-9a-f]{64}");
        byte[] printed = Base64.getDecoder().decode(line.split(" ")[1].substring("psk-base64=".length()));
        try (Database db = Database.openDefault(dir)) {
            assertThat(new TrackerPsks(db, Clock.systemUTC()).find("movil-1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(printed));
        }

        StringWriter unknownErr = new StringWriter();
        assertThat(run(new StringWriter(), unknownErr, "tracker-psk", "--data", dir.toString(), "--station", "ghost")).isEqualTo(2);
        assertThat(unknownErr.toString().trim()).contains("station ghost is not registered").doesNotContain("\n");
    }
}
