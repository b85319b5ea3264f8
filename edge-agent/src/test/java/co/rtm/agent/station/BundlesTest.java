package co.rtm.agent.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.profiles.wire.StationBundle;

/** {@link Bundles#read} takes a good bundle and refuses a bad one with one clear line. */
class BundlesTest {

    @TempDir
    Path dir;

    private final TestStation station = TestStation.create("tcp://127.0.0.1:1883");

    @Test
    void readsTheBundleTheHubWrote() throws Exception {
        Path file = station.writeBundle(dir.resolve("station.json"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        StationBundle read = Bundles.read(file);
        assertThat(read).isEqualTo(station.bundle());
        assertThat(Bundles.laneProfile(read).ref()).isEqualTo("cda-light@1");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> Bundles.read(dir.resolve("nope.json")))
                .isInstanceOf(BundleException.class).hasMessageContaining("nope.json").hasMessageEndingWith("no such file");
    }

    @Test
    void refusesSomethingThatIsNotJson() throws Exception {
        Path file = Files.writeString(dir.resolve("b.json"), "station: LANE-01\n");
        assertThatThrownBy(() -> Bundles.read(file)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("bundle " + file + ": not JSON");
    }

    @Test
    void refusesAnotherFormat() throws Exception {
        String json = new String(co.rtm.profiles.wire.Json.write(station.bundle()))
                .replace(StationBundle.FORMAT, "rtm-station-bundle/9");
        Path file = Files.writeString(dir.resolve("b.json"), json);
        assertThatThrownBy(() -> Bundles.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("not a station bundle").hasMessageContaining("rtm-station-bundle/9");
    }

    @Test
    void refusesABadSigningKey() throws Exception {
        String json = new String(co.rtm.profiles.wire.Json.write(station.bundle()))
                .replace(station.bundle().signingKeySeed(), "AAAA");
        Path file = Files.writeString(dir.resolve("b.json"), json);
        assertThatThrownBy(() -> Bundles.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("bad signing key");
    }

    @Test
    void refusesAMissingMember() throws Exception {
        String json = new String(co.rtm.profiles.wire.Json.write(station.bundle()))
                .replaceFirst("\"hubPublicKey\":\"[^\"]*\",", "");
        Path file = Files.writeString(dir.resolve("b.json"), json);
        assertThatThrownBy(() -> Bundles.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("invalid bundle").hasMessageContaining("hubPublicKey")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void refusesAProfileThatIsNotALane() throws Exception {
        String json = new String(co.rtm.profiles.wire.Json.write(station.bundle())).replace("cda-light@1", "cale-theory@1");
        Path file = Files.writeString(dir.resolve("b.json"), json);
        assertThatThrownBy(() -> Bundles.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("not a CDA lane profile");
    }
}
