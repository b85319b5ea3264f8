package co.rtm.agent.instruments.sideslip;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;

/**
 * Side-slip plate, streamed at 9600 8N1 on the shared ASCII frame ({@code docs/instruments.md, sideslip}):
 * one record per axle as it leaves the plate.
 * <pre>
 * SS,axle,mPerKm   axle 1..9, lateral deviation -20.0..+20.0 m/km (+ = outward)
 * </pre>
 */
public final class SideslipDecoder extends AsciiFrameDecoder {

    public static final double MAX_M_PER_KM = 20.0;

    @Override
    public InstrumentKind kind() { return InstrumentKind.SIDESLIP; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        if (!f.tag().equals("SS")) {
            throw unknown(f);
        }
        f.expect(2);
        int axle = f.integer(1, 1, 9, "axle");
        out.reading(new Sample.Sideslip(axle, f.number(2, -MAX_M_PER_KM, MAX_M_PER_KM, "side slip m/km")));
    }
}
