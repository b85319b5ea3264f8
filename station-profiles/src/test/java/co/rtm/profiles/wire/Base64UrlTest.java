package co.rtm.profiles.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void encodesWithoutPaddingInTheUrlAlphabet() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
        assertThat(Base64Url.encode("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("eyJhbGciOiJFZERTQSJ9");
    }

    @Test
    void decodesCanonicalText() {
        assertThat(Base64Url.decode("-_8")).hasValueSatisfying(b -> assertThat(b).containsExactly(0xfb, 0xff));
        assertThat(Base64Url.decode("")).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_8=", "+/8", "ab cd", "abcde", "AB", "AAB", "é", "ab\ncd"})
    void refusesPaddingOtherAlphabetsWhitespaceBadLengthAndNonZeroTrailingBits(String text) {
        assertThat(Base64Url.decode(text)).isEmpty();
    }
}
