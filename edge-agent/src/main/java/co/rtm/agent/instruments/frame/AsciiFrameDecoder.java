package co.rtm.agent.instruments.frame;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Base of the decoders for the {@link AsciiFrames} families. It handles the records every family shares
 * ({@code ID} identity, {@code ER} device error) and turns a bad field into a fault; a subclass decodes only its
 * own records in {@link #record}.
 *
 * <pre>
 * ID,vendor,model,serial,firmware,verifiedOn,verificationDue   identity (dates yyyy-mm-dd)
 * ER,code,text                                                 the device reports an error
 * </pre>
 */
public abstract class AsciiFrameDecoder implements FrameDecoder {

    private final AsciiFrameReader reader = new AsciiFrameReader();

    /** Decodes one record of this family; returns normally or throws {@link FieldException}. */
    protected abstract void record(Fields f, Instant at, Emitter out);

    /** What a family decoder emits into. */
    public interface Emitter {
        void reading(Sample sample);

        void fault(FaultKind kind, String detail);
    }

    @Override
    public final void feed(byte[] data, int off, int len, Instant receivedAt, Consumer<InstrumentEvent> out) {
        reader.feed(data, off, len, receivedAt, listener(out));
    }

    @Override
    public final void endOfStream(Instant at, Consumer<InstrumentEvent> out) {
        reader.endOfStream(at, listener(out));
    }

    private AsciiFrameReader.Listener listener(Consumer<InstrumentEvent> out) {
        return new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) {
                decode(payload, at, out);
            }

            @Override
            public void fault(Fault fault) {
                out.accept(fault);
            }
        };
    }

    private void decode(String payload, Instant at, Consumer<InstrumentEvent> out) {
        Fields f = new Fields(payload);
        try {
            switch (f.tag()) {
                case "ID" -> {
                    f.expect(6);
                    out.accept(new Identified(at, new DeviceIdentity(f.text(1), f.text(2), f.text(3), f.text(4),
                            f.date(5), f.date(6))));
                }
                case "ER" -> {
                    f.expect(2);
                    out.accept(new Fault(at, FaultKind.DEVICE_ERROR, "device error " + f.text(1) + ": " + f.text(2)));
                }
                default -> {
                    // Buffer the family's output so that a bad field late in a record emits nothing of it.
                    java.util.List<InstrumentEvent> pending = new java.util.ArrayList<>(2);
                    record(f, at, new Emitter() {
                        @Override
                        public void reading(Sample sample) {
                            pending.add(new Reading(at, sample));
                        }

                        @Override
                        public void fault(FaultKind kind, String detail) {
                            pending.add(new Fault(at, kind, detail));
                        }
                    });
                    pending.forEach(out);
                }
            }
        } catch (FieldException e) {
            out.accept(new Fault(at, e.kind(), e.getMessage()));
        }
    }

    /** For subclasses: the standard answer to a tag the family does not know. */
    protected static FieldException unknown(Fields f) {
        return new FieldException(FaultKind.BAD_FRAME, "unknown record '" + f.tag() + "'");
    }
}
