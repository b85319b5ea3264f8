package co.rtm.agent.instruments.opacity;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample.GovernedSpeed;
import co.rtm.agent.instruments.Sample.OpacityPeak;
import co.rtm.agent.instruments.Sample.OpacityTrace;
import co.rtm.agent.instruments.Sample.ZeroDrift;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;

/**
 * Partial-flow opacimeter protocol for NTC 4231 free acceleration ({@code docs/instruments.md, opacity}):
 * 9600 8N1, streamed. Records:
 * <pre>
 * OT,k              opacity trace, m^-1, 20 per second while measuring
 * PK,set,peak,k     peak of one free acceleration: set 0 peak 1 is the purge, sets 1.. carry peaks 1..3
 * GV,seconds        time the engine took to reach governed speed in the acceleration just done
 * ZD,k              zero drift measured after the last set, m^-1 (signed)
 * </pre>
 * plus {@code AK,command} (a command was accepted; no event) and the shared {@code ID} and {@code ER}.
 * Ranges: k 0..10 m^-1, set 0..9, peak 1..3 (1 for set 0), governed 0..60 s, drift -2..2 m^-1; outside is
 * {@link FaultKind#OUT_OF_RANGE}. A trace above {@value #STUCK_FLOOR_K} m^-1 repeated identically for
 * {@value #STUCK_SAMPLES} samples (a live smoke cell always jitters) is reported once as
 * {@link FaultKind#STUCK_VALUE}.
 */
public final class OpacityDecoder extends AsciiFrameDecoder {

    /** Identical consecutive trace points (2 s at 20 Hz) that mean a frozen cell. */
    public static final int STUCK_SAMPLES = 40;
    /** Clean air reads a steady 0.00: only a frozen value above this is suspicious. */
    public static final double STUCK_FLOOR_K = 0.05;

    private double last = -1;
    private int repeats;

    @Override
    public InstrumentKind kind() { return InstrumentKind.OPACITY; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        switch (f.tag()) {
            case "OT" -> {
                f.expect(1);
                double k = f.number(1, 0, 10, "opacity k m^-1");
                out.reading(new OpacityTrace(k));
                watch(k, out);
            }
            case "PK" -> {
                f.expect(3);
                int set = f.integer(1, 0, 9, "set");
                int peak = f.integer(2, 1, set == 0 ? 1 : 3, "peak of set " + set);
                out.reading(new OpacityPeak(set, peak, f.number(3, 0, 10, "peak opacity k m^-1")));
            }
            case "GV" -> {
                f.expect(1);
                out.reading(new GovernedSpeed(f.number(1, 0, 60, "governed speed time s")));
            }
            case "ZD" -> {
                f.expect(1);
                out.reading(new ZeroDrift(f.number(1, -2, 2, "zero drift k m^-1")));
            }
            case "AK" -> f.expect(1); // the device acknowledged a command: nothing to report
            default -> throw unknown(f);
        }
    }

    private void watch(double k, Emitter out) {
        if (k > STUCK_FLOOR_K && k == last) {
            if (++repeats == STUCK_SAMPLES - 1) {
                out.fault(FaultKind.STUCK_VALUE, "opacity trace stuck at " + k + " m^-1 for " + STUCK_SAMPLES + " samples");
            }
        } else {
            repeats = 0;
            last = k;
        }
    }
}
