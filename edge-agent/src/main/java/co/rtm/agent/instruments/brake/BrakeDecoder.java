package co.rtm.agent.instruments.brake;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample.AxleWeight;
import co.rtm.agent.instruments.Sample.BrakeForce;
import co.rtm.agent.instruments.Sample.Circuit;
import co.rtm.agent.instruments.Sample.Wheel;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;

/**
 * Roller brake tester protocol ({@code docs/instruments.md, brake}): 9600 8N1, streamed. Records:
 * <pre>
 * AW,axle,weightN              axle weight from the scale before each run; 0 when the axle left the rollers
 * BF,axle,S|P,leftN,rightN     both wheels of a two-wheel axle, 20 per second during a run (S service, P parking)
 * BS,axle,forceN               single-wheel axle (motorcycle, motocarro), service brake, 20 per second
 * </pre>
 * plus {@code AK,command} (a command was accepted; no event) and the shared {@code ID} and {@code ER}.
 * Axle 1..9, weight 0..200,000 N, force 0..40,000 N; outside is {@link FaultKind#OUT_OF_RANGE}. A non-zero
 * force repeated identically for {@value #STUCK_SAMPLES} samples of one wheel (a live load cell always jitters)
 * is reported once as {@link FaultKind#STUCK_VALUE}.
 */
public final class BrakeDecoder extends AsciiFrameDecoder {

    /** Consecutive identical non-zero samples of one wheel that mean a stuck load cell (1 s at 20 Hz). */
    public static final int STUCK_SAMPLES = 20;
    public static final double MAX_WEIGHT_N = 200_000;
    public static final double MAX_FORCE_N = 40_000;

    private final double[] lastValue = new double[3];
    private final int[] repeats = new int[3];

    @Override
    public InstrumentKind kind() { return InstrumentKind.BRAKE; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        switch (f.tag()) {
            case "AW" -> {
                f.expect(2);
                out.reading(new AxleWeight(axle(f), f.number(2, 0, MAX_WEIGHT_N, "axle weight N")));
            }
            case "BF" -> {
                f.expect(4);
                int axle = axle(f);
                Circuit c = circuit(f);
                double left = f.number(3, 0, MAX_FORCE_N, "left brake force N");
                double right = f.number(4, 0, MAX_FORCE_N, "right brake force N");
                out.reading(new BrakeForce(axle, Wheel.LEFT, c, left));
                out.reading(new BrakeForce(axle, Wheel.RIGHT, c, right));
                watch(Wheel.LEFT, left, out);
                watch(Wheel.RIGHT, right, out);
            }
            case "BS" -> {
                f.expect(2);
                int axle = axle(f);
                double force = f.number(2, 0, MAX_FORCE_N, "brake force N");
                out.reading(new BrakeForce(axle, Wheel.SINGLE, Circuit.SERVICE, force));
                watch(Wheel.SINGLE, force, out);
            }
            case "AK" -> f.expect(1); // the device acknowledged a command: nothing to report
            default -> throw unknown(f);
        }
    }

    private static int axle(Fields f) {
        return f.integer(1, 1, 9, "axle");
    }

    private static Circuit circuit(Fields f) {
        return f.oneOf(2, "S", "P").equals("S") ? Circuit.SERVICE : Circuit.PARKING;
    }

    private void watch(Wheel wheel, double value, Emitter out) {
        int w = wheel.ordinal();
        if (value != 0 && value == lastValue[w]) {
            if (++repeats[w] == STUCK_SAMPLES - 1) {
                out.fault(FaultKind.STUCK_VALUE, wheel.name().toLowerCase() + " brake force stuck at " + value
                        + " N for " + STUCK_SAMPLES + " samples");
            }
        } else {
            repeats[w] = 0;
            lastValue[w] = value;
        }
    }
}
