package co.rtm.agent.instruments.suspension;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.FieldException;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * EUSAMA suspension tester (shaker plates), streamed at 9600 8N1 on the shared ASCII frame
 * ({@code docs/instruments.md, suspension}): one record per wheel when its shake test ends.
 * <pre>
 * EU,position,adherencePct   position FL/FR/RL/RR (A3L.. beyond axle 2), adherence 0..100 %
 * </pre>
 */
public final class SuspensionDecoder extends AsciiFrameDecoder {

    static final Pattern POSITION = Pattern.compile("[A-Z0-9]{1,4}");

    @Override
    public InstrumentKind kind() { return InstrumentKind.SUSPENSION; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        if (!f.tag().equals("EU")) {
            throw unknown(f);
        }
        f.expect(2);
        String position = f.text(1);
        if (!POSITION.matcher(position).matches()) {
            throw new FieldException(FaultKind.BAD_FRAME, "field 1 of EU: '" + position + "' is not a wheel position");
        }
        out.reading(new Sample.Adherence(position, f.number(2, 0.0, 100.0, "adherence %")));
    }
}
