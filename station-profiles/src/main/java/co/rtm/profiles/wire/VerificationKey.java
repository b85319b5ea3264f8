package co.rtm.profiles.wire;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key with its key id. Immutable and thread-safe. The curve point is
 * validated (canonical, on the curve, in the prime-order subgroup) and decoded once, at
 * construction, so each verification skips the point decompression.
 *
 * <p>Not a record on purpose: it caches the decoded point, and a record over a {@code byte[]}
 * would compare by array identity.
 */
public final class VerificationKey {

    private final String kid;
    private final byte[] raw;
    private final Ed25519.PublicPoint point;

    VerificationKey(String kid, byte[] raw) {
        KeyId.parse(kid);
        if (raw.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        Ed25519.PublicPoint p = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (p == null) {
            throw new IllegalArgumentException("not a valid Ed25519 public key (non-canonical, off-curve or small-order)");
        }
        this.kid = kid;
        this.raw = raw.clone();
        this.point = p;
    }

    public String kid() {
        return kid;
    }

    /** The 32-byte RFC 8032 encoding, a fresh copy. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw key as unpadded base64url: the JWK {@code x} member. */
    public String toBase64Url() {
        return Base64Url.encode(raw);
    }

    /** The public JWK (RFC 8037 §2): {@code {"kty":"OKP","crv":"Ed25519","x":"..."}}. */
    public String toJwk() {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + toBase64Url() + "\"}";
    }

    /** Pure Ed25519 verification of {@code signature} over {@code message}. */
    boolean verify(byte[] message, byte[] signature) {
        return signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey k && kid.equals(k.kid) && Arrays.equals(raw, k.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "VerificationKey[kid=" + kid + ", x=" + toBase64Url() + "]";
    }
}
