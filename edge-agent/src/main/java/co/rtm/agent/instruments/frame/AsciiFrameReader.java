package co.rtm.agent.instruments.frame;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Splits a byte stream into the payloads of {@link AsciiFrames} frames, across partial reads. Pure and
 * single-threaded. Everything that is not a valid frame is reported once per incident as a {@link Fault}
 * (garbage between frames, bad checksum, overlong or non-printable payload, a frame cut by a new STX) and the
 * reader resynchronises on the next STX.
 */
public final class AsciiFrameReader {

    /** Receives what the reader found. */
    public interface Listener {
        void payload(String payload, Instant at);

        void fault(Fault fault);
    }

    /** DISCARD: the rest of a frame already reported as bad, skipped silently up to the next STX or line end. */
    private enum State { IDLE, GARBAGE, DISCARD, PAYLOAD, CHECK1, CHECK2 }

    private final byte[] payload = new byte[AsciiFrames.MAX_PAYLOAD];
    private State state = State.IDLE;
    private int length;
    private int xor;
    private int check1;
    private int garbageBytes;

    public void feed(byte[] data, int off, int len, Instant at, Listener out) {
        for (int i = off; i < off + len; i++) {
            step(data[i], at, out);
        }
    }

    /** Call when the stream ends: a frame left half-read is reported. */
    public void endOfStream(Instant at, Listener out) {
        switch (state) {
            case PAYLOAD, CHECK1, CHECK2 -> out.fault(new Fault(at, FaultKind.BAD_FRAME,
                    "stream ended inside a frame after " + length + " payload bytes"));
            case GARBAGE -> reportGarbage(at, out);
            case IDLE, DISCARD -> { }
        }
        state = State.IDLE;
    }

    private void step(byte b, Instant at, Listener out) {
        if (b == AsciiFrames.STX) {
            switch (state) {
                case PAYLOAD, CHECK1, CHECK2 -> out.fault(new Fault(at, FaultKind.BAD_FRAME,
                        "frame cut short by a new frame after " + length + " payload bytes"));
                case GARBAGE -> reportGarbage(at, out);
                case IDLE, DISCARD -> { }
            }
            state = State.PAYLOAD;
            length = 0;
            xor = 0;
            return;
        }
        switch (state) {
            case IDLE, GARBAGE -> {
                if (b == '\r' || b == '\n' || b == 0) {
                    if (state == State.GARBAGE) {
                        reportGarbage(at, out);
                        state = State.IDLE;
                    }
                } else {
                    state = State.GARBAGE;
                    garbageBytes++;
                }
            }
            case DISCARD -> {
                if (b == '\r' || b == '\n' || b == 0) {
                    state = State.IDLE;
                }
            }
            case PAYLOAD -> {
                if (b == AsciiFrames.ETX) {
                    state = State.CHECK1;
                } else if (b < 0x20 || b > 0x7E) {
                    abandon(at, out, "non-printable byte 0x" + Integer.toHexString(b & 0xFF) + " in a frame");
                } else if (length == payload.length) {
                    abandon(at, out, "frame longer than " + AsciiFrames.MAX_PAYLOAD + " bytes");
                } else {
                    payload[length++] = b;
                    xor ^= b;
                }
            }
            case CHECK1 -> {
                check1 = hexValue(b);
                if (check1 < 0) {
                    abandon(at, out, "checksum is not hexadecimal");
                } else {
                    state = State.CHECK2;
                }
            }
            case CHECK2 -> {
                int low = hexValue(b);
                state = State.IDLE;
                if (low < 0) {
                    out.fault(new Fault(at, FaultKind.BAD_FRAME, "checksum is not hexadecimal"));
                } else if (((check1 << 4) | low) != (xor & 0xFF)) {
                    out.fault(new Fault(at, FaultKind.BAD_CHECKSUM, String.format(
                            "checksum %02X does not match the payload's %02X", (check1 << 4) | low, xor & 0xFF)));
                } else if (length == 0) {
                    out.fault(new Fault(at, FaultKind.BAD_FRAME, "empty frame"));
                } else {
                    out.payload(new String(payload, 0, length, StandardCharsets.US_ASCII), at);
                }
            }
        }
    }

    private void abandon(Instant at, Listener out, String why) {
        out.fault(new Fault(at, FaultKind.BAD_FRAME, why));
        state = State.DISCARD;
    }

    private void reportGarbage(Instant at, Listener out) {
        if (garbageBytes > 0) {
            out.fault(new Fault(at, FaultKind.BAD_FRAME, garbageBytes + " bytes outside any frame"));
        }
        garbageBytes = 0;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
