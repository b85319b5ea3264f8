package co.rtm.profiles.wire;

import java.util.Base64;
import java.util.Optional;

/**
 * Unpadded base64url (RFC 7515 §2), strict on input: only the 64 alphabet characters, no
 * padding, no whitespace, and zero trailing bits, so one byte string has exactly one text form.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final byte[] VALUE = new byte[128];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes canonical unpadded base64url, or returns empty for anything else. */
    static Optional<byte[]> decode(String text) {
        int n = text.length();
        if (n % 4 == 1) {
            return Optional.empty();
        }
        int last = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 || VALUE[c] < 0) {
                return Optional.empty();
            }
            last = VALUE[c];
        }
        // The last character of a 2- or 3-character final group carries unused low bits.
        int unusedBitsMask = switch (n % 4) {
            case 2 -> 0x0F;
            case 3 -> 0x03;
            default -> 0;
        };
        if ((last & unusedBitsMask) != 0) {
            return Optional.empty();
        }
        return Optional.of(DECODER.decode(text));
    }
}
