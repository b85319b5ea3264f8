package co.rtm.hub.documents;

import co.rtm.profiles.wire.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The QR text of a certificate: {@code <signedText>.<signature>}, the signature the pure Ed25519 signature (RFC 8032)
 * of the signed text's US-ASCII bytes under the hub key, as unpadded base64url (86 characters). See
 * docs/documents.md. Pure: no I/O.
 */
public final class CertificateSeal {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private CertificateSeal() {
    }

    /** The QR text for {@code seal}, signed with the hub key. */
    public static String sign(Seal seal, SigningKey hubKey) {
        byte[] seed = B64D.decode(hubKey.seedBase64Url());
        byte[] message = seal.signedText().getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        java.util.Arrays.fill(seed, (byte) 0);
        return seal.signedText() + "." + B64.encodeToString(signature);
    }

    /** What a scanned text turned out to be. */
    public sealed interface Checked {
        /** The signature is the hub's over a well-formed seal. */
        record Signed(Seal seal) implements Checked {
        }

        /** Malformed or not signed by the hub key; {@code reason} says which. */
        record Bad(String reason) implements Checked {
        }
    }

    /**
     * Checks {@code qr} against the hub's raw 32-byte Ed25519 public key. Every byte counts: the signature must be the
     * canonical base64url of 64 bytes (no padding bits set), so no two texts carry the same signature.
     */
    public static Checked check(String qr, byte[] hubPublicKey) {
        if (qr == null) {
            return new Checked.Bad("empty");
        }
        String text = qr.strip();
        int dot = text.lastIndexOf('.');
        if (dot < 0 || text.length() > 512) {
            return new Checked.Bad("not an " + Seal.PREFIX + " certificate seal");
        }
        Seal seal;
        try {
            seal = Seal.parse(text.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return new Checked.Bad(e.getMessage());
        }
        String sigText = text.substring(dot + 1);
        byte[] signature;
        try {
            signature = B64D.decode(sigText);
        } catch (IllegalArgumentException e) {
            return new Checked.Bad("signature is not base64url");
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE || !B64.encodeToString(signature).equals(sigText)) {
            return new Checked.Bad("signature is not 64 bytes of canonical unpadded base64url");
        }
        byte[] message = text.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        boolean ok = hubPublicKey.length == Ed25519.PUBLIC_KEY_SIZE
                && Ed25519.verify(signature, 0, hubPublicKey, 0, message, 0, message.length);
        return ok ? new Checked.Signed(seal) : new Checked.Bad("signature does not verify with the hub key");
    }
}
