package co.rtm.profiles.wire;

import static co.rtm.profiles.wire.EnvelopeException.Reason.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.profiles.wire.EnvelopeException.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeTest {

    static final SigningKey KEY = Ed25519Keys.generate("lane-07#3");
    static final byte[] PAYLOAD = "{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"seq\":42,\"plate\":\"ABC123\",\"note\":\"año\"}"
            .getBytes(StandardCharsets.UTF_8);

    // DER prefixes of an Ed25519 SubjectPublicKeyInfo (RFC 8410) and a PKCS#8 private key with the seed.
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    @Test
    void signedEnvelopeParsesAndVerifies() throws Exception {
        Envelope env = Envelope.parse(Envelope.sign(PAYLOAD, "inspection", KEY));

        assertThat(env.header()).isEqualTo(new ProtectedHeader("EdDSA", "lane-07#3", "inspection"));
        assertThat(env.header().keyId()).isEqualTo(new KeyId("lane-07", 3));
        assertThat(env.payload()).isEqualTo(PAYLOAD);
        assertThat(env.signature()).hasSize(64);
        assertThat(env.verify(KEY.verificationKey())).isTrue();
    }

    @Test
    void isTheFlattenedJwsWithExactlyTheThreeHeaderMembersInOrder() throws Exception {
        byte[] json = Envelope.sign(PAYLOAD, "event", KEY);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.fieldNames()).toIterable().containsExactly("protected", "payload", "signature");
        String header = new String(Base64Url.decode(tree.get("protected").asText()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"lane-07#3\",\"typ\":\"event\"}");
        assertThat(Base64Url.decode(tree.get("payload").asText())).hasValueSatisfying(p -> assertThat(p).isEqualTo(PAYLOAD));
        assertThat(Envelope.parse(json).signingInput()).asString(StandardCharsets.US_ASCII)
                .isEqualTo(tree.get("protected").asText() + "." + tree.get("payload").asText());
    }

    @Test
    void aFlippedBitInPayloadHeaderOrSignatureFailsVerification() throws Exception {
        Parts good = Parts.of(Envelope.sign(PAYLOAD, "inspection", KEY));

        byte[] payload = good.payload.clone();
        payload[10] ^= 0x01;
        byte[] header = good.header.clone();
        header[header.length - 3] ^= 0x01; // last letter of typ: still a valid header, "inspectioo"
        byte[] signature = good.signature.clone();
        signature[5] ^= 0x01;
        byte[] sHalf = good.signature.clone();
        sHalf[40] ^= 0x01;

        assertThat(Envelope.parse(new Parts(good.header, payload, good.signature).json()).verify(KEY.verificationKey())).isFalse();
        Envelope badHeader = Envelope.parse(new Parts(header, good.payload, good.signature).json());
        assertThat(badHeader.header().typ()).isEqualTo("inspectioo");
        assertThat(badHeader.verify(KEY.verificationKey())).isFalse();
        assertThat(Envelope.parse(new Parts(good.header, good.payload, signature).json()).verify(KEY.verificationKey())).isFalse();
        assertThat(Envelope.parse(new Parts(good.header, good.payload, sHalf).json()).verify(KEY.verificationKey())).isFalse();
        assertThat(Envelope.parse(good.json()).verify(KEY.verificationKey())).isTrue();
    }

    @Test
    void anotherKeyFailsVerificationWhateverItsKid() throws Exception {
        Envelope env = Envelope.parse(Envelope.sign(PAYLOAD, "inspection", KEY));
        VerificationKey otherKeySameKid = Ed25519Keys.generate("lane-07#3").verificationKey();
        VerificationKey sameKeyOtherKid = Ed25519Keys.verificationKey("lane-07#2", KEY.verificationKey().toBase64Url());

        assertThat(env.verify(otherKeySameKid)).isFalse();
        assertThat(env.verify(sameKeyOtherKid)).isFalse();
    }

    @Test
    void theJdkVerifiesOurEnvelopes() throws Exception {
        Envelope env = Envelope.parse(Envelope.sign(PAYLOAD, "inspection", KEY));
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, KEY.verificationKey().raw())));

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey);
        jdk.update(env.signingInput());
        assertThat(jdk.verify(env.signature())).isTrue();

        jdk.initVerify(jdkKey);
        jdk.update(env.signingInput(), 0, env.signingInput().length - 1);
        assertThat(jdk.verify(env.signature())).isFalse();
    }

    @Test
    void weVerifyEnvelopesSignedByTheJdk() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        VerificationKey ours = Ed25519Keys.verificationKey("cale-2#1", Base64Url.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));

        String protectedB64 = Base64Url.encode("{\"alg\":\"EdDSA\",\"kid\":\"cale-2#1\",\"typ\":\"exam\"}".getBytes(StandardCharsets.US_ASCII));
        String payloadB64 = Base64Url.encode(PAYLOAD);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update((protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII));
        String json = "{\"payload\":\"" + payloadB64 + "\",\"signature\":\"" + Base64Url.encode(jdk.sign())
                + "\",\"protected\":\"" + protectedB64 + "\"}";

        Envelope env = Envelope.parse(json.getBytes(StandardCharsets.US_ASCII));
        assertThat(env.verify(ours)).isTrue();
        assertThat(env.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void theJdkAndWeMakeTheSameSignatureFromTheSameSeed() throws Exception {
        // Ed25519 is deterministic: equal signatures show the seed encoding is the standard one.
        Envelope env = Envelope.parse(Envelope.sign(PAYLOAD, "track", KEY));
        byte[] seed = Base64Url.decode(KEY.seedBase64Url()).orElseThrow();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed))));
        jdk.update(env.signingInput());
        assertThat(jdk.sign()).isEqualTo(env.signature());
    }

    static Stream<Arguments> malformed() {
        Parts good = Parts.of(Envelope.sign(PAYLOAD, "inspection", KEY));
        String p = Base64Url.encode(good.header);
        String y = Base64Url.encode(good.payload);
        String s = Base64Url.encode(good.signature);
        return Stream.of(
                Arguments.of("not json", "{\"protected\":", NOT_JSON),
                Arguments.of("garbage", "hello", NOT_JSON),
                Arguments.of("empty input", "", NOT_AN_OBJECT),
                Arguments.of("trailing data", env(p, y, s) + "{}", NOT_JSON),
                Arguments.of("array", "[\"" + p + "\"]", NOT_AN_OBJECT),
                Arguments.of("compact serialization", "\"" + p + "." + y + "." + s + "\"", NOT_AN_OBJECT),
                Arguments.of("missing protected", "{\"payload\":\"" + y + "\",\"signature\":\"" + s + "\"}", MISSING_MEMBER),
                Arguments.of("missing payload", "{\"protected\":\"" + p + "\",\"signature\":\"" + s + "\"}", MISSING_MEMBER),
                Arguments.of("missing signature", "{\"protected\":\"" + p + "\",\"payload\":\"" + y + "\"}", MISSING_MEMBER),
                Arguments.of("duplicate payload", "{\"protected\":\"" + p + "\",\"payload\":\"" + y + "\",\"payload\":\"" + y
                        + "\",\"signature\":\"" + s + "\"}", DUPLICATE_MEMBER),
                Arguments.of("unprotected header", "{\"protected\":\"" + p + "\",\"header\":{\"kid\":\"x#1\"},\"payload\":\"" + y
                        + "\",\"signature\":\"" + s + "\"}", UNEXPECTED_MEMBER),
                Arguments.of("general serialization", "{\"payload\":\"" + y + "\",\"signatures\":[]}", UNEXPECTED_MEMBER),
                Arguments.of("payload not a string", "{\"protected\":\"" + p + "\",\"payload\":{\"seq\":1},\"signature\":\"" + s + "\"}", MEMBER_NOT_STRING),
                Arguments.of("padded base64", env(p, y, s + "=="), BAD_BASE64URL),
                Arguments.of("standard base64 alphabet", env(p, y.replace('-', '+').replace('_', '/') + "+/", s), BAD_BASE64URL),
                Arguments.of("empty payload", env(p, "", s), EMPTY_PAYLOAD),
                Arguments.of("short signature", env(p, y, s.substring(0, 40)), BAD_SIGNATURE_LENGTH),
                Arguments.of("header not json", env(b64("{alg:EdDSA}"), y, s), HEADER_NOT_JSON),
                Arguments.of("header empty", env("", y, s), HEADER_NOT_JSON),
                Arguments.of("header trailing data", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"a#1\",\"typ\":\"ack\"}x"), y, s), HEADER_NOT_JSON),
                Arguments.of("header an array", env(b64("[\"EdDSA\"]"), y, s), HEADER_NOT_OBJECT),
                Arguments.of("header a string", env(b64("\"EdDSA\""), y, s), HEADER_NOT_OBJECT),
                Arguments.of("header without kid", env(b64("{\"alg\":\"EdDSA\",\"typ\":\"ack\"}"), y, s), MISSING_HEADER_PARAM),
                Arguments.of("alg not a string", env(b64("{\"alg\":[\"EdDSA\"],\"kid\":\"a#1\",\"typ\":\"ack\"}"), y, s), MISSING_HEADER_PARAM),
                Arguments.of("duplicate alg", env(b64("{\"alg\":\"none\",\"alg\":\"EdDSA\",\"kid\":\"a#1\",\"typ\":\"ack\"}"), y, s), DUPLICATE_HEADER_PARAM),
                Arguments.of("extra header parameter", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"a#1\",\"typ\":\"ack\",\"jku\":\"http://evil\"}"), y, s), UNEXPECTED_HEADER_PARAM),
                Arguments.of("critical header", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"a#1\",\"typ\":\"ack\",\"crit\":[\"exp\"],\"exp\":1}"), y, s), UNSUPPORTED_CRITICAL_HEADER),
                Arguments.of("alg none", env(b64("{\"alg\":\"none\",\"kid\":\"a#1\",\"typ\":\"ack\"}"), y, s), UNSUPPORTED_ALG),
                Arguments.of("alg HS256", env(b64("{\"alg\":\"HS256\",\"kid\":\"a#1\",\"typ\":\"ack\"}"), y, s), UNSUPPORTED_ALG),
                Arguments.of("alg Ed25519 spelled as curve", env(b64("{\"alg\":\"Ed25519\",\"kid\":\"a#1\",\"typ\":\"ack\"}"), y, s), UNSUPPORTED_ALG),
                Arguments.of("kid without version", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"lane-07\",\"typ\":\"ack\"}"), y, s), BAD_KID),
                Arguments.of("kid with slash", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"../lane#1\",\"typ\":\"ack\"}"), y, s), BAD_KID),
                Arguments.of("typ with space", env(b64("{\"alg\":\"EdDSA\",\"kid\":\"a#1\",\"typ\":\"a ck\"}"), y, s), BAD_TYP));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformed")
    void refusesMalformedEnvelopesWithTheirReason(String name, String json, Reason reason) {
        assertThatThrownBy(() -> Envelope.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.rejectReason()).isEqualTo(RejectReason.MALFORMED_ENVELOPE);
                });
    }

    @Test
    void refusesOversizedInputBeforeParsing() {
        byte[] big = new byte[Envelope.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> Envelope.parse(big))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(TOO_LARGE));
    }

    @Test
    void acceptsWhitespaceAndAnyMemberOrderAsJsonAllows() throws Exception {
        Parts good = Parts.of(Envelope.sign(PAYLOAD, "inspection", KEY));
        String json = " {\n \"signature\" : \"" + Base64Url.encode(good.signature) + "\",\n \"payload\":\"" + Base64Url.encode(good.payload)
                + "\", \"protected\":\"" + Base64Url.encode(good.header) + "\" }\n";
        assertThat(Envelope.parse(json.getBytes(StandardCharsets.US_ASCII)).verify(KEY.verificationKey())).isTrue();
    }

    @Test
    void refusesToSignWithABadTyp() {
        assertThatThrownBy(() -> Envelope.sign(PAYLOAD, "in\"spection", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.sign(new byte[0], "inspection", KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesFromManyThreadsAtOnce() throws Exception {
        Envelope env = Envelope.parse(Envelope.sign(PAYLOAD, "inspection", KEY));
        Envelope forged = Envelope.parse(new Parts(Parts.of(Envelope.sign(PAYLOAD, "inspection", KEY)).header,
                "{\"seq\":43}".getBytes(StandardCharsets.UTF_8), env.signature()).json());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 200; i++) {
                        ok &= env.verify(KEY.verificationKey()) && !forged.verify(KEY.verificationKey());
                        ok &= Envelope.parse(Envelope.sign(PAYLOAD, "event", KEY)).verify(KEY.verificationKey());
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String env(String p, String y, String s) {
        return "{\"protected\":\"" + p + "\",\"payload\":\"" + y + "\",\"signature\":\"" + s + "\"}";
    }

    private static String b64(String s) {
        return Base64Url.encode(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The decoded members of an envelope, to tamper with. */
    record Parts(byte[] header, byte[] payload, byte[] signature) {
        static Parts of(byte[] envelopeJson) {
            try {
                JsonNode t = new ObjectMapper().readTree(envelopeJson);
                return new Parts(Base64Url.decode(t.get("protected").asText()).orElseThrow(),
                        Base64Url.decode(t.get("payload").asText()).orElseThrow(),
                        Base64Url.decode(t.get("signature").asText()).orElseThrow());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        byte[] json() {
            return env(Base64Url.encode(header), Base64Url.encode(payload), Base64Url.encode(signature))
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }
}
