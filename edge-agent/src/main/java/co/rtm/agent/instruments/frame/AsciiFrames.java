package co.rtm.agent.instruments.frame;

import java.nio.charset.StandardCharsets;

/**
 * The frame every lane instrument family of {@code docs/instruments.md} shares:
 * {@code STX payload ETX C1 C2 CR LF}, where the payload is printable ASCII (0x20..0x7E, at most
 * {@link #MAX_PAYLOAD} bytes), fields are separated by commas, the first field is the record tag, and
 * {@code C1 C2} are the XOR of the payload bytes as two upper-case hexadecimal digits. CR LF is optional on
 * input (idle bytes between frames).
 */
public final class AsciiFrames {

    public static final byte STX = 0x02;
    public static final byte ETX = 0x03;
    public static final int MAX_PAYLOAD = 200;

    private AsciiFrames() {}

    /** The bytes of one frame carrying {@code payload}. */
    public static byte[] encode(String payload) {
        byte[] p = payload.getBytes(StandardCharsets.US_ASCII);
        if (p.length == 0 || p.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload must be 1.." + MAX_PAYLOAD + " bytes, was " + p.length);
        }
        byte[] out = new byte[p.length + 6];
        out[0] = STX;
        int x = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0x20 || p[i] > 0x7E) {
                throw new IllegalArgumentException("payload byte " + i + " is not printable ASCII");
            }
            out[i + 1] = p[i];
            x ^= p[i];
        }
        out[p.length + 1] = ETX;
        out[p.length + 2] = hex(x >> 4);
        out[p.length + 3] = hex(x & 0xF);
        out[p.length + 4] = '\r';
        out[p.length + 5] = '\n';
        return out;
    }

    /** One frame from fields joined by commas. */
    public static byte[] encode(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (Object f : fields) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f);
        }
        return encode(sb.toString());
    }

    static byte hex(int nibble) {
        return (byte) "0123456789ABCDEF".charAt(nibble & 0xF);
    }
}
