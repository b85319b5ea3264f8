package co.rtm.agent.instruments.gas;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample.GasCheck;
import co.rtm.agent.instruments.Sample.GasCheckKind;
import co.rtm.agent.instruments.Sample.GasSample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Four-gas analyser protocol ({@code docs/instruments.md, gas}): 9600 8N1, samples streamed twice a second.
 * Records:
 * <pre>
 * GS,hcPpm,coPct,co2Pct,o2Pct,rpm,oilC     one sample; oilC empty when no oil probe is fitted
 * CK,LEAK|ZERO|HCR|WARM,P|F,value          result of a check (HCR = HC residue / hang-up; WARM = warm-up,
 *                                          value = seconds left)
 * </pre>
 * plus {@code AK,command} (a command was accepted; no event) and the shared {@code ID} and {@code ER}.
 * Ranges: HC 0..9,999 ppm, CO 0..15 %, CO2 0..20 %, O2 0..25 %, rpm 0..9,990, oil -20..150 °C, check value
 * -9,999..9,999; outside is {@link FaultKind#OUT_OF_RANGE}.
 * Gases identical for {@value #STUCK_SAMPLES} consecutive samples with the engine running and CO2 above zero
 * (exhaust in the cell always jitters) are reported once as {@link FaultKind#STUCK_VALUE}.
 */
public final class GasDecoder extends AsciiFrameDecoder {

    /** Consecutive identical samples (5 s at 2 Hz) that mean a frozen bench. */
    public static final int STUCK_SAMPLES = 10;

    private String lastGases = "";
    private int repeats;

    @Override
    public InstrumentKind kind() { return InstrumentKind.GAS; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        switch (f.tag()) {
            case "GS" -> {
                f.expect(6);
                double hc = f.number(1, 0, 9_999, "HC ppm");
                double co = f.number(2, 0, 15, "CO %");
                double co2 = f.number(3, 0, 20, "CO2 %");
                double o2 = f.number(4, 0, 25, "O2 %");
                double rpm = f.number(5, 0, 9_990, "engine speed rpm");
                OptionalDouble oil = f.text(6).isEmpty() ? OptionalDouble.empty()
                        : OptionalDouble.of(f.number(6, -20, 150, "oil temperature °C"));
                out.reading(new GasSample(hc, co, co2, o2, rpm, oil));
                watch(hc + "," + co + "," + co2 + "," + o2, rpm > 0 && co2 > 0, out);
            }
            case "CK" -> {
                f.expect(3);
                GasCheckKind kind = switch (f.oneOf(1, "LEAK", "ZERO", "HCR", "WARM")) {
                    case "LEAK" -> GasCheckKind.LEAK;
                    case "ZERO" -> GasCheckKind.ZERO;
                    case "HCR" -> GasCheckKind.HC_RESIDUE;
                    default -> GasCheckKind.WARM_UP;
                };
                boolean passed = f.oneOf(2, "P", "F").equals("P");
                out.reading(new GasCheck(kind, passed, f.number(3, -9_999, 9_999, "check value")));
            }
            case "AK" -> f.expect(1); // the device acknowledged a command: nothing to report
            default -> throw unknown(f);
        }
    }

    private void watch(String gases, boolean live, Emitter out) {
        if (live && gases.equals(lastGases)) {
            if (++repeats == STUCK_SAMPLES - 1) {
                out.fault(FaultKind.STUCK_VALUE, "gas readings stuck at " + gases + " for " + STUCK_SAMPLES + " samples");
            }
        } else {
            repeats = 0;
            lastGases = gases;
        }
    }
}
