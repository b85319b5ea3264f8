package co.rtm.agent.instruments.lights;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;

/**
 * Headlight tester (luxmeter with an inclination screen), polled at 9600 8N1 on the shared ASCII frame
 * ({@code docs/instruments.md, lights}). The host asks {@code ?LB,L}, {@code ?LB,R}, {@code ?LB,C} or {@code ?SU};
 * the device answers:
 * <pre>
 * LB,side,klux,inclPct   one low beam: side L/R/C, intensity at 1 m 0..150 klux, inclination -10..10 % (+ = below)
 * SU,klux                every lamp lit together, 0..600 klux
 * </pre>
 */
public final class LightsDecoder extends AsciiFrameDecoder {

    public static final double MAX_LAMP_KLUX = 150.0;
    public static final double MAX_SUM_KLUX = 600.0;
    public static final double MAX_INCLINATION_PCT = 10.0;

    @Override
    public InstrumentKind kind() { return InstrumentKind.LIGHTS; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        switch (f.tag()) {
            case "LB" -> {
                f.expect(3);
                String side = switch (f.oneOf(1, "L", "R", "C")) {
                    case "L" -> "left";
                    case "R" -> "right";
                    default -> "center";
                };
                double klux = f.number(2, 0.0, MAX_LAMP_KLUX, "lamp intensity klux");
                double incl = f.number(3, -MAX_INCLINATION_PCT, MAX_INCLINATION_PCT, "inclination %");
                out.reading(new Sample.LampReading(side, klux, incl));
            }
            case "SU" -> {
                f.expect(1);
                out.reading(new Sample.LampSum(f.number(1, 0.0, MAX_SUM_KLUX, "sum of lamps klux")));
            }
            default -> throw unknown(f);
        }
    }

    /** Wire letter of a side name ({@code left} -> {@code L}); for the simulator and the host's poll commands. */
    public static String wireSide(String side) {
        return switch (side) {
            case "left" -> "L";
            case "right" -> "R";
            case "center" -> "C";
            default -> throw new IllegalArgumentException("unknown lamp side " + side + ", expected left, right or center");
        };
    }
}
