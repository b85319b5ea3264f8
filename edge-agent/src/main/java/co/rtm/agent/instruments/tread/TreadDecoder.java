package co.rtm.agent.instruments.tread;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.FieldException;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Digital tread depth gauge on its docking cradle, streamed at 9600 8N1 on the shared ASCII frame
 * ({@code docs/instruments.md, tread}): one record each time the technician stores a tyre's reading.
 * <pre>
 * TD,position,mm   position FL/FR/RL/RR, F/R, RLO/RLI.. (see tread.md), depth 0.00..30.00 mm
 * </pre>
 */
public final class TreadDecoder extends AsciiFrameDecoder {

    public static final double MAX_DEPTH_MM = 30.0;
    private static final Pattern POSITION = Pattern.compile("[A-Z0-9]{1,4}");

    @Override
    public InstrumentKind kind() { return InstrumentKind.TREAD; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        if (!f.tag().equals("TD")) {
            throw unknown(f);
        }
        f.expect(2);
        String position = f.text(1);
        if (!POSITION.matcher(position).matches()) {
            throw new FieldException(FaultKind.BAD_FRAME, "field 1 of TD: '" + position + "' is not a tyre position");
        }
        out.reading(new Sample.TreadDepth(position, f.number(2, 0.0, MAX_DEPTH_MM, "tread depth mm")));
    }
}
