package co.rtm.agent.instruments.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Test helper: FPR1 frames built by hand from the layout in package-info, and the test images. */
final class Fpr1 {

    private Fpr1() {}

    static byte[] frame(char type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(13 + payload.length);
        b.put("FPR1".getBytes(StandardCharsets.US_ASCII)).put((byte) type).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 5 + payload.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] capture(byte[] png, int dpi) {
        return frame('C', ByteBuffer.allocate(2 + png.length).putShort((short) dpi).put(png).array());
    }

    static byte[] text(char type, String text) {
        return frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] image(String name) {
        try (InputStream in = Fpr1.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
