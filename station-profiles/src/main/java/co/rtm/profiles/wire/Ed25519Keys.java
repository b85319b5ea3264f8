package co.rtm.profiles.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Creating and decoding Ed25519 keys (Bouncy Castle's RFC 8032 code, several times faster than
 * the JDK's SunEC). Text forms: unpadded base64url of the raw 32 bytes, and the public JWK of
 * RFC 8037. All methods throw {@link IllegalArgumentException} on bad input.
 */
public final class Ed25519Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519Keys() {
    }

    /** A new random key pair, named {@code kid} ({@code <ownerId>#<version>}). */
    public static SigningKey generate(String kid) {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(RANDOM, seed);
        return new SigningKey(kid, seed);
    }

    /** The signing key whose seed is {@code seedBase64Url} (32 bytes, unpadded base64url). */
    public static SigningKey signingKey(String kid, String seedBase64Url) {
        return new SigningKey(kid, decode(seedBase64Url, "private key seed"));
    }

    /** The verification key whose raw 32 bytes are {@code xBase64Url}. */
    public static VerificationKey verificationKey(String kid, String xBase64Url) {
        return new VerificationKey(kid, decode(xBase64Url, "public key"));
    }

    /**
     * The verification key in a public JWK: {@code kty} must be {@code OKP}, {@code crv}
     * {@code Ed25519}; {@code alg} and {@code use}, when present, must be {@code EdDSA} and
     * {@code sig}; a JWK that carries the private {@code d} is refused, so a secret never ends up
     * stored as if it were public. Other members are ignored (RFC 7517 §4).
     */
    public static VerificationKey fromJwk(String kid, String jwkJson) {
        String kty = null;
        String crv = null;
        String x = null;
        try (JsonParser p = Json.FACTORY.createParser(jwkJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("JWK is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "kty" -> kty = stringMember(p, value, name);
                    case "crv" -> crv = stringMember(p, value, name);
                    case "x" -> x = stringMember(p, value, name);
                    case "alg" -> require("EdDSA".equals(stringMember(p, value, name)), "JWK alg must be EdDSA");
                    case "use" -> require("sig".equals(stringMember(p, value, name)), "JWK use must be sig");
                    case "d" -> throw new IllegalArgumentException("JWK contains a private key (d); expected a public JWK");
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing data after JWK");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("JWK is not valid JSON: " + e.getMessage(), e);
        }
        require("OKP".equals(kty), "JWK kty must be OKP");
        require("Ed25519".equals(crv), "JWK crv must be Ed25519");
        require(x != null, "JWK has no x");
        return verificationKey(kid, x);
    }

    private static String stringMember(JsonParser p, JsonToken token, String name) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("JWK member " + name + " must be a string");
        }
        return p.getText();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static byte[] decode(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return Base64Url.decode(text)
                .orElseThrow(() -> new IllegalArgumentException(what + " is not canonical unpadded base64url"));
    }
}
