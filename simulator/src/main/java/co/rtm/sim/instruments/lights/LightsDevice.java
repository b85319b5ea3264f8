package co.rtm.sim.instruments.lights;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.lights.LightsDecoder;
import co.rtm.profiles.inspection.Measurements;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated headlight tester (polled, {@code docs/instruments.md, lights}): answers {@code ?LB,L|R|C} with the
 * low beam of that side and {@code ?SU} with the sum of the lamps, from the block's true values with the
 * playback's noise and faults; a side the vehicle has not got, or a sum it was not given, is an {@code ER}.
 */
public final class LightsDevice extends LaneFrameDevice {

    private final Map<String, Measurements.LowBeam> beams = new HashMap<>();
    private final Measurements.Lights truth;

    public LightsDevice(Measurements.Lights truth, Playback playback) {
        super(InstrumentKind.LIGHTS, "Luxtec", "HLT-900", "LX" + Math.abs(playback.seed() % 100000), playback);
        this.truth = truth;
        truth.lowBeams().forEach(b -> beams.put(LightsDecoder.wireSide(b.side()), b));
    }

    @Override
    protected String answer(String command) {
        if (command.startsWith("?LB,")) {
            Measurements.LowBeam b = beams.get(command.substring(4));
            return b == null ? record("ER", "03", "no lamp on side " + command.substring(4))
                    : record("LB", command.substring(4),
                    value(0, b.intensityKlux(), 0, LightsDecoder.MAX_LAMP_KLUX, 2),
                    value(1, b.inclinationPct(), -LightsDecoder.MAX_INCLINATION_PCT, LightsDecoder.MAX_INCLINATION_PCT, 2));
        }
        if (command.equals("?SU")) {
            return truth.simultaneousSumKlux().isEmpty() ? record("ER", "04", "sum not measured")
                    : record("SU", value(2, truth.simultaneousSumKlux().getAsDouble(), 0, LightsDecoder.MAX_SUM_KLUX, 1));
        }
        return null;
    }
}
