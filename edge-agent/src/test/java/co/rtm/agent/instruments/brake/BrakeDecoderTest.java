package co.rtm.agent.instruments.brake;

import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static co.rtm.agent.instruments.Families1Feed.feed;
import static co.rtm.agent.instruments.Families1Feed.garbage;
import static co.rtm.agent.instruments.Families1Feed.readings;
import static co.rtm.agent.instruments.Families1Feed.render;
import static co.rtm.agent.instruments.Families1Feed.resource;
import static org.assertj.core.api.Assertions.assertThat;

class BrakeDecoderTest {

    @Test
    void decodesACarRunIntoWeightsAndPerWheelForces() {
        assertThat(render(feed(new BrakeDecoder(), resource(getClass(), "run-ok.bin"), 4096))).containsExactly(
                "ID RTM-Sim/FR-3000/BR1/2.4.1 2026-07-01..2027-06-30",
                "AxleWeight[axle=1, weightN=5200.0]",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=0.0]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=0.0]",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=950.5]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=900.0]",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=1900.0]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=1800.0]",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=1850.2]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=1790.4]",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=0.0]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=0.0]",
                "AxleWeight[axle=1, weightN=0.0]",
                "AxleWeight[axle=2, weightN=4100.0]",
                "BrakeForce[axle=2, wheel=LEFT, circuit=SERVICE, forceN=1200.0]",
                "BrakeForce[axle=2, wheel=RIGHT, circuit=SERVICE, forceN=1150.0]",
                "AxleWeight[axle=2, weightN=4100.0]",
                "BrakeForce[axle=2, wheel=LEFT, circuit=PARKING, forceN=600.0]",
                "BrakeForce[axle=2, wheel=RIGHT, circuit=PARKING, forceN=550.0]",
                "AxleWeight[axle=2, weightN=0.0]");
    }

    @Test
    void decodesASingleWheelAxle() {
        assertThat(render(feed(new BrakeDecoder(), resource(getClass(), "moto-ok.bin"), 4096))).containsExactly(
                "ID RTM-Sim/FR-3000/BR2/2.4.1 2026-07-01..2027-06-30",
                "AxleWeight[axle=1, weightN=1200.0]",
                "BrakeForce[axle=1, wheel=SINGLE, circuit=SERVICE, forceN=500.0]",
                "BrakeForce[axle=1, wheel=SINGLE, circuit=SERVICE, forceN=620.5]",
                "AxleWeight[axle=1, weightN=0.0]");
    }

    @Test
    void everyCorruptionBecomesItsFaultAndNothingElse() {
        assertThat(render(feed(new BrakeDecoder(), resource(getClass(), "faults.bin"), 4096))).containsExactly(
                "FAULT BAD_FRAME: 5 bytes outside any frame",
                "AxleWeight[axle=1, weightN=5200.0]",
                "FAULT BAD_CHECKSUM: checksum 3F does not match the payload's 65",
                "FAULT BAD_FRAME: frame cut short by a new frame after 9 payload bytes",
                "BrakeForce[axle=1, wheel=LEFT, circuit=SERVICE, forceN=20.0]",
                "BrakeForce[axle=1, wheel=RIGHT, circuit=SERVICE, forceN=21.0]",
                "FAULT OUT_OF_RANGE: left brake force N 50000.0 outside the instrument's range 0.0..40000.0",
                "FAULT BAD_FRAME: field 2 of BF: 'X' is not one of S/P",
                "FAULT BAD_FRAME: field 3 of BF: 'abc' is not a number",
                "FAULT DEVICE_ERROR: device error E12: roller motor overload",
                "FAULT BAD_FRAME: unknown record 'ZZ'",
                "FAULT OUT_OF_RANGE: axle 10 outside 1..9",
                "FAULT BAD_FRAME: BF needs 4 fields, got 3",
                "FAULT BAD_FRAME: stream ended inside a frame after 7 payload bytes");
    }

    @Test
    void aLoadCellHoldingStillIsReportedOnce() {
        List<String> events = render(feed(new BrakeDecoder(), resource(getClass(), "stuck.bin"), 4096));
        assertThat(events).filteredOn(s -> s.startsWith("FAULT"))
                .containsExactly("FAULT STUCK_VALUE: left brake force stuck at 1002.0 N for 20 samples");
        // the fault comes right after the 20th identical left sample: frame 22 of 24, after its two readings
        assertThat(events.indexOf("FAULT STUCK_VALUE: left brake force stuck at 1002.0 N for 20 samples"))
                .isEqualTo(2 * 22);
        assertThat(events).hasSize(2 * 24 + 1);
    }

    @Test
    void zeroForceAtRestIsNotStuck() {
        byte[] frame = AsciiFrames.encode("BF,1,S,0.0,0.0");
        byte[] rest = new byte[frame.length * 100];
        for (int i = 0; i < 100; i++) {
            System.arraycopy(frame, 0, rest, i * frame.length, frame.length);
        }
        assertThat(render(feed(new BrakeDecoder(), rest, rest.length))).noneMatch(s -> s.startsWith("FAULT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run-ok.bin", "moto-ok.bin", "faults.bin", "stuck.bin"})
    void byteByByteGivesTheSameEvents(String name) {
        byte[] data = resource(getClass(), name);
        List<InstrumentEvent> whole = feed(new BrakeDecoder(), data, data.length);
        assertThat(render(feed(new BrakeDecoder(), data, 1))).isEqualTo(render(whole));
        assertThat(render(feed(new BrakeDecoder(), data, 7))).isEqualTo(render(whole));
    }

    @Test
    void randomGarbageNeverBecomesAReading() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(readings(BrakeDecoder::new, garbage(seed, 100_000))).as("seed %d", seed).isZero();
        }
    }
}
