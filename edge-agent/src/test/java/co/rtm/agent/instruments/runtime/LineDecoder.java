package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A tiny test protocol: {@code V,<number>} lines are sound levels, {@code ID,vendor,model,serial,fw,from,due}
 * lines identify the device, {@code BOOM} makes the decoder throw, anything else is a BAD_FRAME.
 */
final class LineDecoder implements FrameDecoder {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.SOUND;
    }

    @Override
    public void feed(byte[] data, int off, int len, Instant at, Consumer<InstrumentEvent> out) {
        for (int i = off; i < off + len; i++) {
            if (data[i] != '\n') {
                line.write(data[i]);
                continue;
            }
            String s = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            decode(s, at, out);
        }
    }

    private static void decode(String s, Instant at, Consumer<InstrumentEvent> out) {
        String[] f = s.split(",", -1);
        if (s.equals("BOOM")) {
            throw new IllegalStateException("decoder bug");
        } else if (f.length == 2 && f[0].equals("V")) {
            try {
                out.accept(new Reading(at, new Sample.SoundLevel(Double.parseDouble(f[1]))));
            } catch (NumberFormatException e) {
                out.accept(new Fault(at, FaultKind.BAD_FRAME, "bad number: " + s));
            }
        } else if (f.length == 7 && f[0].equals("ID")) {
            out.accept(new Identified(at, new DeviceIdentity(f[1], f[2], f[3], f[4],
                    LocalDate.parse(f[5]), LocalDate.parse(f[6]))));
        } else {
            out.accept(new Fault(at, FaultKind.BAD_FRAME, "not a line of the protocol: " + s));
        }
    }

    @Override
    public void endOfStream(Instant at, Consumer<InstrumentEvent> out) {
        if (line.size() > 0) {
            out.accept(new Fault(at, FaultKind.BAD_FRAME, "truncated: " + line.toString(StandardCharsets.ISO_8859_1)));
            line.reset();
        }
    }
}
