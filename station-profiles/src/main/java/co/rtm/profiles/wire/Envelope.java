package co.rtm.profiles.wire;

import static co.rtm.profiles.wire.EnvelopeException.Reason.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A signed message: JWS JSON flattened serialization (RFC 7515 §7.2.2) with {@code EdDSA}
 * over Ed25519 (RFC 8037):
 * <pre>{"protected":"&lt;b64url(header)&gt;","payload":"&lt;b64url(json)&gt;","signature":"&lt;b64url(sig)&gt;"}</pre>
 * The protected header is exactly {@code {"alg":"EdDSA","kid":"<stationId>#<keyVersion>","typ":"<type>"}}
 * and the signing input is {@code ASCII(protected + "." + payload)}, so any JOSE library can
 * verify it.
 *
 * <p>{@link #parse} only checks structure; call {@link #verify} with the key the header's
 * {@code kid} names before trusting {@link #payload()}. Instances are immutable and
 * thread-safe; parsing uses one shared streaming factory and no per-call setup.
 */
public final class Envelope {

    /** Largest envelope accepted by {@link #parse}: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;

    private static final int SIGNATURE_BYTES = 64;

    /** Plain streaming factory: duplicates are detected here, to report them by name. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final ProtectedHeader header;
    private final byte[] payload;
    private final byte[] signingInput;
    private final byte[] signature;

    private Envelope(ProtectedHeader header, byte[] payload, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.payload = payload;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /**
     * Signs {@code payloadJson} (UTF-8 JSON of a message) as message type {@code typ} with
     * {@code key}, whose kid goes in the header. Returns the envelope's UTF-8 JSON.
     */
    public static byte[] sign(byte[] payloadJson, String typ, SigningKey key) {
        if (payloadJson.length == 0) {
            throw new IllegalArgumentException("empty payload");
        }
        ProtectedHeader header = new ProtectedHeader(ProtectedHeader.EDDSA, key.kid(), typ);
        String protectedB64 = Base64Url.encode(header.toJson().getBytes(StandardCharsets.US_ASCII));
        String payloadB64 = Base64Url.encode(payloadJson);
        byte[] signature = key.sign(signingInput(protectedB64, payloadB64));
        String json = "{\"protected\":\"" + protectedB64
                + "\",\"payload\":\"" + payloadB64
                + "\",\"signature\":\"" + Base64Url.encode(signature) + "\"}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses an envelope, refusing anything that is not exactly the contract's shape. */
    public static Envelope parse(byte[] envelopeJson) throws EnvelopeException {
        if (envelopeJson.length > MAX_BYTES) {
            throw new EnvelopeException(TOO_LARGE, envelopeJson.length + " bytes > " + MAX_BYTES);
        }
        String protectedB64 = null;
        String payloadB64 = null;
        String signatureB64 = null;
        try (JsonParser p = FACTORY.createParser(envelopeJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeException(NOT_AN_OBJECT, "top-level value is not an object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!name.equals("protected") && !name.equals("payload") && !name.equals("signature")) {
                    throw new EnvelopeException(UNEXPECTED_MEMBER, "member " + Ids.quote(name));
                }
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new EnvelopeException(MEMBER_NOT_STRING, "member " + name + " is not a string");
                }
                String value = p.getText();
                switch (name) {
                    case "protected" -> protectedB64 = once(protectedB64, value, name);
                    case "payload" -> payloadB64 = once(payloadB64, value, name);
                    default -> signatureB64 = once(signatureB64, value, name);
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new EnvelopeException(NOT_JSON, "data after the envelope object");
            }
        } catch (StreamReadException e) {
            throw new EnvelopeException(NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new EnvelopeException(NOT_JSON, String.valueOf(e.getMessage()));
        }
        if (protectedB64 == null || payloadB64 == null || signatureB64 == null) {
            throw new EnvelopeException(MISSING_MEMBER,
                    "need protected, payload and signature; missing "
                            + (protectedB64 == null ? "protected" : payloadB64 == null ? "payload" : "signature"));
        }
        byte[] headerJson = decode(protectedB64, "protected");
        byte[] payload = decode(payloadB64, "payload");
        byte[] signature = decode(signatureB64, "signature");
        if (payload.length == 0) {
            throw new EnvelopeException(EMPTY_PAYLOAD, "payload is empty (detached payloads are not used)");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new EnvelopeException(BAD_SIGNATURE_LENGTH, "signature is " + signature.length + " bytes, Ed25519 needs 64");
        }
        ProtectedHeader header = parseHeader(headerJson);
        return new Envelope(header, payload, signingInput(protectedB64, payloadB64), signature);
    }

    /**
     * True only if the signature verifies under {@code key} and the key's kid is the one named
     * in the header: a signature that checks under a key other than the one it names is refused.
     */
    public boolean verify(VerificationKey key) {
        return key.kid().equals(header.kid()) && key.verify(signingInput, signature);
    }

    public ProtectedHeader header() {
        return header;
    }

    /** The signed message bytes (UTF-8 JSON), a fresh copy. Untrusted until {@link #verify}. */
    public byte[] payload() {
        return payload.clone();
    }

    /** {@code ASCII(protected + "." + payload)}, a fresh copy. */
    public byte[] signingInput() {
        return signingInput.clone();
    }

    /** The 64-byte Ed25519 signature, a fresh copy. */
    public byte[] signature() {
        return signature.clone();
    }

    private static ProtectedHeader parseHeader(byte[] json) throws EnvelopeException {
        String alg = null;
        String kid = null;
        String typ = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new EnvelopeException(HEADER_NOT_JSON, "protected header is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new EnvelopeException(HEADER_NOT_OBJECT, "protected header is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                switch (name) {
                    case "alg" -> alg = onceHeader(alg, headerString(p, name), name);
                    case "kid" -> kid = onceHeader(kid, headerString(p, name), name);
                    case "typ" -> typ = onceHeader(typ, headerString(p, name), name);
                    case "crit" -> throw new EnvelopeException(UNSUPPORTED_CRITICAL_HEADER, "crit is present; no extension is supported");
                    default -> throw new EnvelopeException(UNEXPECTED_HEADER_PARAM, "header parameter " + Ids.quote(name));
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new EnvelopeException(HEADER_NOT_JSON, "data after the header object");
            }
        } catch (StreamReadException e) {
            throw new EnvelopeException(HEADER_NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new EnvelopeException(HEADER_NOT_JSON, String.valueOf(e.getMessage()));
        }
        if (alg == null || kid == null || typ == null) {
            throw new EnvelopeException(MISSING_HEADER_PARAM, "need alg, kid and typ");
        }
        if (!ProtectedHeader.EDDSA.equals(alg)) {
            throw new EnvelopeException(UNSUPPORTED_ALG, "alg " + Ids.quote(alg) + ", only EdDSA is accepted");
        }
        try {
            KeyId.parse(kid);
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException(BAD_KID, e.getMessage());
        }
        if (!ProtectedHeader.isValidTyp(typ)) {
            throw new EnvelopeException(BAD_TYP, "typ " + Ids.quote(typ));
        }
        return new ProtectedHeader(alg, kid, typ);
    }

    private static String headerString(JsonParser p, String name) throws IOException, EnvelopeException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new EnvelopeException(MISSING_HEADER_PARAM, "header parameter " + name + " is not a string");
        }
        return p.getText();
    }

    private static String once(String previous, String value, String name) throws EnvelopeException {
        if (previous != null) {
            throw new EnvelopeException(DUPLICATE_MEMBER, "member " + name + " appears twice");
        }
        return value;
    }

    private static String onceHeader(String previous, String value, String name) throws EnvelopeException {
        if (previous != null) {
            throw new EnvelopeException(DUPLICATE_HEADER_PARAM, "header parameter " + name + " appears twice");
        }
        return value;
    }

    private static byte[] decode(String b64, String name) throws EnvelopeException {
        return Base64Url.decode(b64).orElseThrow(
                () -> new EnvelopeException(BAD_BASE64URL, "member " + name + " is not canonical unpadded base64url"));
    }

    private static byte[] signingInput(String protectedB64, String payloadB64) {
        // Both strings are base64url (checked or produced here), so ASCII is exact.
        byte[] out = new byte[protectedB64.length() + 1 + payloadB64.length()];
        int i = 0;
        for (int k = 0; k < protectedB64.length(); k++) {
            out[i++] = (byte) protectedB64.charAt(k);
        }
        out[i++] = '.';
        for (int k = 0; k < payloadB64.length(); k++) {
            out[i++] = (byte) payloadB64.charAt(k);
        }
        return out;
    }
}
