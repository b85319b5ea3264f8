package co.rtm.agent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.agent.instruments.lane.LaneIoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane file's laneIo section and BH1750 entry: what they map to, and errors that name the field. */
class LaneIoSectionTest {
    @TempDir
    Path dir;

    Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("lane.yaml"), "instruments:\n  gas: {tcp: \"127.0.0.1:9\"}\n" + yaml);
    }

    void refused(String yaml, String message) throws Exception {
        Path f = file(yaml);
        assertThatThrownBy(() -> LaneInstruments.open(f, MockLanePi.notCalled())).hasMessage(f + ": " + message);
    }

    @Test
    void mapsBcmPinsOntoTheWiringOfPhotocellsAStopAndTwoLamps() {
        LaneIoConfig c = new LaneIoSection(17, 27, 22, new LaneIoSection.Light(5, 6, null, null))
                .toConfig("f: laneIo", LaneIoConfig.I2cAddress.BH1750_DEFAULT);
        assertThat(c.entryCell()).isEqualTo(LaneIoConfig.Input.photocell(17));
        assertThat(c.exitCell()).isEqualTo(LaneIoConfig.Input.photocell(27));
        assertThat(c.emergencyStop()).isEqualTo(LaneIoConfig.Input.normallyClosedStop(22));
        assertThat(c.light()).isEqualTo(new LaneIoConfig.TwoLamps(5, 6, false));
        LaneIoConfig busy = new LaneIoSection(17, 27, 22, new LaneIoSection.Light(null, null, 26, true))
                .toConfig("f: laneIo", LaneIoConfig.I2cAddress.BH1750_DEFAULT);
        assertThat(busy.light()).isEqualTo(new LaneIoConfig.BusySignal(26, true));
    }

    @Test
    void badLaneIoValuesNameTheField() throws Exception {
        refused("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 40, light: {green: 5, red: 6}}\n",
                "laneIo.emergencyStop: not a BCM GPIO number of the 40-pin header (0..27): 40");
        refused("laneIo: {entryCell: 17, emergencyStop: 22, light: {green: 5, red: 6}}\n",
                "laneIo.exitCell: required (a BCM GPIO number, 0..27)");
        refused("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22}\n",
                "laneIo.light: required: {green: N, red: N} or {busy: N}");
        refused("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5, busy: 6}}\n",
                "laneIo.light: give green and red, or busy");
        refused("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5}}\n",
                "laneIo.light.red: required (a BCM GPIO number, 0..27)");
        refused("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5, red: 17}}\n",
                "laneIo: BCM 17 is used twice (entryCell and light.red)");
        Path typed = file("laneIo: {entryCell: seventeen, exitCell: 27, emergencyStop: 22, light: {busy: 5}}\n");
        assertThatThrownBy(() -> LaneInstruments.open(typed, MockLanePi.notCalled()))
                .hasMessageStartingWith(typed + ": laneIo.entryCell: ");
        Path unknown = file("laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {busy: 5}, stop: 3}\n");
        assertThatThrownBy(() -> LaneInstruments.open(unknown, MockLanePi.notCalled()))
                .hasMessageStartingWith(unknown + ": laneIo.stop: ");
    }

    @Test
    void aBh1750EntryNeedsItsIdentityAndReadsOnlyLights() throws Exception {
        Bh1750Section.Wiring w = new Bh1750Section(null, "0x5C", "LX-7", "2026-01-10", "2027-01-09", null)
                .wiring("f: instruments.lights.bh1750");
        assertThat(w.address()).isEqualTo(new LaneIoConfig.I2cAddress(1, 0x5C));
        assertThat(w.identity().serial()).isEqualTo("LX-7");
        assertThat(w.identity().verificationDue()).isEqualTo(LocalDate.parse("2027-01-09"));
        assertThat(w.period()).isEqualTo(Duration.ofMillis(500));

        String dates = "verifiedOn: 2026-01-10, verificationDue: 2027-01-09";
        refused("  lights: {bh1750: {address: \"0x23\", " + dates + "}}\n",
                "instruments.lights.bh1750.serial: required (the serial on the sensor's housing or its calibration certificate)");
        refused("  lights: {bh1750: {address: \"0x99\", serial: LX-7, " + dates + "}}\n",
                "instruments.lights.bh1750.address: not a 7-bit I2C device address: 0x99");
        refused("  lights: {bh1750: {address: \"twenty\", serial: LX-7, " + dates + "}}\n",
                "instruments.lights.bh1750.address: expected an I2C address like \"0x23\", got 'twenty'");
        refused("  lights: {bh1750: {serial: LX-7, verifiedOn: 2026-01-10, verificationDue: 9/1/2027}}\n",
                "instruments.lights.bh1750.verificationDue: expected YYYY-MM-DD, got '9/1/2027'");
        refused("  lights: {bh1750: {serial: LX-7, periodMs: 50, " + dates + "}}\n",
                "instruments.lights.bh1750.periodMs: at least 180 (one measurement), got 50");
        Path onGas = Files.writeString(dir.resolve("gas.yaml"),
                "instruments:\n  gas: {bh1750: {serial: LX-7, " + dates + "}}\n");
        assertThatThrownBy(() -> LaneInstruments.open(onGas, MockLanePi.notCalled()))
                .hasMessage(onGas + ": instruments.gas.bh1750: a BH1750 light sensor can only read lights");
    }
}
