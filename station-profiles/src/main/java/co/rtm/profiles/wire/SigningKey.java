package co.rtm.profiles.wire;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (the 32-byte RFC 8032 seed) with its key id and its public half.
 * Immutable and thread-safe. {@link #toString()} never shows the seed.
 */
public final class SigningKey {

    private final String kid;
    private final byte[] seed;
    private final byte[] publicRaw;
    private final VerificationKey verificationKey;

    SigningKey(String kid, byte[] seed) {
        KeyId.parse(kid);
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 private key seed must be 32 bytes, got " + seed.length);
        }
        this.kid = kid;
        this.seed = seed.clone();
        this.publicRaw = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicRaw, 0);
        this.verificationKey = new VerificationKey(kid, publicRaw);
    }

    public String kid() {
        return kid;
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** The 32-byte seed as unpadded base64url (the JWK {@code d} member). Keep it secret. */
    public String seedBase64Url() {
        return Base64Url.encode(seed);
    }

    /** Pure Ed25519 signature (64 bytes) of {@code message}. */
    byte[] sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicRaw, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", x=" + verificationKey.toBase64Url() + "]";
    }
}
