package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Decoder of the FPR1 fingerprint device protocol (specified in {@code package-info.java}): capture frames
 * become {@link co.rtm.agent.instruments.Sample.FingerprintCapture} readings through a
 * {@link FingerprintExtractor}, identity frames {@link Identified}, error frames {@link FaultKind#DEVICE_ERROR}
 * faults; heartbeats are consumed silently. A CRC mismatch is a {@link FaultKind#BAD_CHECKSUM} fault and the
 * frame is skipped whole; bytes before a magic, an unknown type or a length above {@value #MAX_PAYLOAD} are
 * {@link FaultKind#BAD_FRAME} faults, after which the decoder looks for the next magic. No I/O, no threads;
 * extraction runs on the caller's thread.
 */
public final class FingerprintFrameDecoder implements FrameDecoder {

    static final byte[] MAGIC = {'F', 'P', 'R', '1'};
    static final int HEADER = 9;
    static final int MAX_PAYLOAD = 8 << 20;
    private static final int MAX_GARBAGE_RUN = 4096;

    private final FingerprintExtractor extractor;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private int garbage;

    public FingerprintFrameDecoder(FingerprintExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.FINGERPRINT;
    }

    @Override
    public void feed(byte[] data, int off, int n, Instant receivedAt, Consumer<InstrumentEvent> out) {
        append(data, off, n);
        int pos = 0;
        while (true) {
            int magic = indexOfMagic(pos);
            if (magic < 0) {
                // keep a tail that may be the start of a magic split across reads
                int keep = Math.min(MAGIC.length - 1, len - pos);
                garbage += len - pos - keep;
                pos = len - keep;
                if (garbage >= MAX_GARBAGE_RUN) {
                    flushGarbage(receivedAt, out);
                }
                break;
            }
            garbage += magic - pos;
            pos = magic;
            if (len - pos < HEADER) {
                break;
            }
            flushGarbage(receivedAt, out);
            byte type = buf[pos + 4];
            int length = (buf[pos + 5] & 0xff) << 24 | (buf[pos + 6] & 0xff) << 16 | (buf[pos + 7] & 0xff) << 8
                    | (buf[pos + 8] & 0xff);
            if (!knownType(type) || length < 0 || length > MAX_PAYLOAD) {
                out.accept(new Fault(receivedAt, FaultKind.BAD_FRAME, String.format(
                        "FPR1 frame of type 0x%02x and length %d rejected", type & 0xff, length & 0xffffffffL)));
                pos += MAGIC.length; // resynchronise on the next magic
                continue;
            }
            int total = HEADER + length + 4;
            if (len - pos < total) {
                break;
            }
            CRC32 crc = new CRC32();
            crc.update(buf, pos + 4, 5 + length);
            long given = (buf[pos + total - 4] & 0xffL) << 24 | (buf[pos + total - 3] & 0xffL) << 16
                    | (buf[pos + total - 2] & 0xffL) << 8 | (buf[pos + total - 1] & 0xffL);
            if (given != crc.getValue()) {
                out.accept(new Fault(receivedAt, FaultKind.BAD_CHECKSUM, String.format(
                        "FPR1 '%c' frame of %d bytes: CRC %08x, computed %08x", (char) type, length, given,
                        crc.getValue())));
            } else {
                frame(type, Arrays.copyOfRange(buf, pos + HEADER, pos + HEADER + length), receivedAt, out);
            }
            pos += total;
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
    }

    @Override
    public void endOfStream(Instant at, Consumer<InstrumentEvent> out) {
        boolean partial = len >= MAGIC.length && startsWithMagic(0);
        if (!partial) {
            garbage += len;
        }
        flushGarbage(at, out);
        if (partial) {
            out.accept(new Fault(at, FaultKind.BAD_FRAME, "stream ended inside an FPR1 frame (" + len + " bytes)"));
        }
        len = 0;
    }

    private void frame(byte type, byte[] payload, Instant at, Consumer<InstrumentEvent> out) {
        switch (type) {
            case 'C' -> {
                if (payload.length < 2) {
                    out.accept(new Fault(at, FaultKind.BAD_FRAME, "FPR1 capture without resolution"));
                } else {
                    int dpi = (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
                    out.accept(extractor.fromImage(Arrays.copyOfRange(payload, 2, payload.length), dpi, at));
                }
            }
            case 'I' -> out.accept(identity(new String(payload, StandardCharsets.UTF_8), at));
            case 'E' -> out.accept(new Fault(at, FaultKind.DEVICE_ERROR, new String(payload, StandardCharsets.UTF_8)));
            default -> { } // 'H' heartbeat: proof of life only
        }
    }

    private static InstrumentEvent identity(String text, Instant at) {
        String[] f = text.split(";", -1);
        try {
            if (f.length == 6) {
                return new Identified(at, new DeviceIdentity(f[0], f[1], f[2], f[3], LocalDate.parse(f[4]),
                        LocalDate.parse(f[5])));
            }
        } catch (DateTimeParseException e) {
            // falls through to the fault
        }
        return new Fault(at, FaultKind.BAD_FRAME, "FPR1 identity not 'vendor;model;serial;firmware;"
                + "verifiedOn;verificationDue': " + text);
    }

    private static boolean knownType(byte type) {
        return type == 'C' || type == 'I' || type == 'E' || type == 'H';
    }

    private void flushGarbage(Instant at, Consumer<InstrumentEvent> out) {
        if (garbage > 0) {
            out.accept(new Fault(at, FaultKind.BAD_FRAME, garbage + " bytes outside any FPR1 frame"));
            garbage = 0;
        }
    }

    private int indexOfMagic(int from) {
        for (int i = from; i + MAGIC.length <= len; i++) {
            if (startsWithMagic(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWithMagic(int i) {
        return buf[i] == MAGIC[0] && buf[i + 1] == MAGIC[1] && buf[i + 2] == MAGIC[2] && buf[i + 3] == MAGIC[3];
    }

    private void append(byte[] data, int off, int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
        System.arraycopy(data, off, buf, len, n);
        len += n;
    }
}
