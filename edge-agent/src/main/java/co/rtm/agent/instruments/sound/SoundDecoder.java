package co.rtm.agent.instruments.sound;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.FieldException;
import co.rtm.agent.instruments.frame.Fields;

import java.time.Instant;

/**
 * Class 2 sound level meter, streamed at 9600 8N1 on the shared ASCII frame ({@code docs/instruments.md, sound}):
 * one record per measurement (the maximum it held, time weighting Fast).
 * <pre>
 * SL,dB,weighting   level 30.0..130.0 dB, weighting A (anything else is refused: the rule is in dB(A))
 * </pre>
 */
public final class SoundDecoder extends AsciiFrameDecoder {

    public static final double MIN_DB = 30.0;
    public static final double MAX_DB = 130.0;

    @Override
    public InstrumentKind kind() { return InstrumentKind.SOUND; }

    @Override
    protected void record(Fields f, Instant at, Emitter out) {
        if (!f.tag().equals("SL")) {
            throw unknown(f);
        }
        f.expect(2);
        String weighting = f.text(2);
        if (!weighting.equals("A")) {
            throw new FieldException(FaultKind.BAD_FRAME, "SL level is " + weighting + "-weighted, expected A");
        }
        out.reading(new Sample.SoundLevel(f.number(1, MIN_DB, MAX_DB, "sound level dB(A)")));
    }
}
