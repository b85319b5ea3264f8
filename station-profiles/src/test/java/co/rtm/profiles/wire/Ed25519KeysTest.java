package co.rtm.profiles.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519KeysTest {

    // RFC 8037 Appendix A.1: the RFC 8032 §7.1 TEST 1 key as a JWK.
    static final String RFC_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    static final String RFC_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    @Test
    void derivesThePublicKeyOfTheRfcTestVector() {
        SigningKey key = Ed25519Keys.signingKey("rfc#1", RFC_D);
        assertThat(key.verificationKey().toBase64Url()).isEqualTo(RFC_X);
        assertThat(HexFormat.of().formatHex(key.verificationKey().raw()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void signsLikeRfc8032Test1AndRfc8037A4() {
        SigningKey key = Ed25519Keys.signingKey("rfc#1", RFC_D);
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        byte[] input = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.sign(input);
        assertThat(Base64Url.encode(sig)).isEqualTo(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
        assertThat(key.verificationKey().verify(input, sig)).isTrue();
    }

    @Test
    void generatedKeysRoundTripThroughTheirTextForms() {
        SigningKey key = Ed25519Keys.generate("lane-07#2");
        SigningKey again = Ed25519Keys.signingKey("lane-07#2", key.seedBase64Url());
        VerificationKey pub = key.verificationKey();

        assertThat(key.seedBase64Url()).hasSize(43);
        assertThat(again.verificationKey()).isEqualTo(pub);
        assertThat(Ed25519Keys.verificationKey("lane-07#2", pub.toBase64Url())).isEqualTo(pub);
        assertThat(Ed25519Keys.fromJwk("lane-07#2", pub.toJwk())).isEqualTo(pub);
        assertThat(pub.toJwk()).isEqualTo("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + pub.toBase64Url() + "\"}");
        assertThat(Ed25519Keys.generate("lane-07#2").verificationKey()).isNotEqualTo(pub);
    }

    @Test
    void keysWithTheSameBytesButAnotherKidDiffer() {
        VerificationKey a = Ed25519Keys.verificationKey("st#1", RFC_X);
        assertThat(Ed25519Keys.verificationKey("st#2", RFC_X)).isNotEqualTo(a);
    }

    @Test
    void acceptsExtraJwkMembersThatDoNotContradictIt() {
        String jwk = "{\"kty\":\"OKP\",\"use\":\"sig\",\"alg\":\"EdDSA\",\"kid\":\"whatever\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\"}";
        assertThat(Ed25519Keys.fromJwk("st#1", jwk).toBase64Url()).isEqualTo(RFC_X);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\"}",
        "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + RFC_X + "\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\",\"d\":\"" + RFC_D + "\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "=\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\",\"alg\":\"ES256\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\",\"use\":\"enc\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":1}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC_X + "\"} {}",
        "[\"OKP\"]",
        "not json"
    })
    void refusesJwksThatAreNotPublicEd25519Keys(String jwk) {
        assertThatThrownBy(() -> Ed25519Keys.fromJwk("st#1", jwk)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPublicKeysOfTheWrongLengthOrNotOnTheCurveOrOfSmallOrder() {
        assertThatThrownBy(() -> Ed25519Keys.verificationKey("st#1", Base64Url.encode(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] identity = new byte[32];
        identity[0] = 1; // the neutral point: order 1, verifies forged signatures in lax libraries
        assertThatThrownBy(() -> Ed25519Keys.verificationKey("st#1", Base64Url.encode(identity)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] nonCanonical = new byte[32];
        java.util.Arrays.fill(nonCanonical, (byte) 0xff);
        nonCanonical[31] = 0x7f; // y = 2^255 - 1 >= p
        assertThatThrownBy(() -> Ed25519Keys.verificationKey("st#1", Base64Url.encode(nonCanonical)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lane-1", "lane-1#", "lane-1#0", "lane-1#01", "lane/1#1", "#1", "a#1#2", "a#-1", "a#1x", "a#9999999999"})
    void refusesKidsThatAreNotOwnerHashVersion(String kid) {
        assertThatThrownBy(() -> Ed25519Keys.generate(kid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyIdParsesOwnerAndVersion() {
        assertThat(KeyId.parse("lane-07#12")).isEqualTo(new KeyId("lane-07", 12));
        assertThat(new KeyId("hub", 1)).hasToString("hub#1");
    }

    @Test
    void neverPrintsTheSeed() {
        SigningKey key = Ed25519Keys.signingKey("rfc#1", RFC_D);
        assertThat(key.toString()).doesNotContain(RFC_D).contains("rfc#1");
    }

    @Test
    void refusesSeedsOfTheWrongLength() {
        assertThatThrownBy(() -> Ed25519Keys.signingKey("st#1", Base64Url.encode(new byte[64])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519Keys.signingKey("st#1", "***")).isInstanceOf(IllegalArgumentException.class);
    }
}
