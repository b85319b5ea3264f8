package co.rtm.agent.instruments.frame;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared frame: what becomes a payload, what becomes one fault, and where the reader picks up again. */
class AsciiFrameReaderTest {

    private static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

    /** Payloads as "P:payload", faults as "KIND:detail", in order. */
    private static List<String> read(byte[]... chunks) {
        AsciiFrameReader reader = new AsciiFrameReader();
        List<String> out = new ArrayList<>();
        AsciiFrameReader.Listener l = new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) { out.add("P:" + payload); }

            @Override
            public void fault(Fault fault) { out.add(fault.kind() + ":" + fault.detail()); }
        };
        for (byte[] c : chunks) {
            reader.feed(c, 0, c.length, T, l);
        }
        reader.endOfStream(T, l);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    @Test
    void encodesStxPayloadEtxXorAsUpperCaseHexThenCrLf() {
        // X=0x58 ^ Y=0x59 = 0x01
        assertThat(AsciiFrames.encode("XY")).containsExactly(2, 'X', 'Y', 3, '0', '1', '\r', '\n');
        assertThat(new String(AsciiFrames.encode("SU,95.2"), StandardCharsets.US_ASCII)).endsWith("\u00033A\r\n");
        assertThatThrownBy(() -> AsciiFrames.encode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiFrames.encode("a\tb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesConsecutiveFramesWithAndWithoutCrLfAndSkipsIdleBytes() {
        byte[] one = AsciiFrames.encode("A,1");
        byte[] two = AsciiFrames.encode("B,2");
        assertThat(read(concat(ascii("\r\n\0"), one, java.util.Arrays.copyOf(two, two.length - 2), AsciiFrames.encode("C,3"))))
                .containsExactly("P:A,1", "P:B,2", "P:C,3");
    }

    @Test
    void garbageBetweenFramesIsOneFaultPerIncidentAndTheNextFrameStillDecodes() {
        assertThat(read(concat(ascii("hello"), AsciiFrames.encode("A,1"), ascii("xx\r\nyyy\n"), AsciiFrames.encode("B,2"),
                ascii("tail"))))
                .containsExactly("BAD_FRAME:5 bytes outside any frame", "P:A,1", "BAD_FRAME:2 bytes outside any frame",
                        "BAD_FRAME:3 bytes outside any frame", "P:B,2", "BAD_FRAME:4 bytes outside any frame");
    }

    @Test
    void anStxInsideAFrameCutsItShortAndStartsANewOne() {
        assertThat(read(concat(ascii("\u0002LB,L,24"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:frame cut short by a new frame after 7 payload bytes", "P:A,1");
        // also when cut while waiting for the checksum
        assertThat(read(concat(ascii("\u0002A,1\u00035"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:frame cut short by a new frame after 3 payload bytes", "P:A,1");
    }

    @Test
    void aPayloadOfTheMaximumLengthPassesAndOneByteMoreIsOneFault() {
        String max = "T," + "9".repeat(AsciiFrames.MAX_PAYLOAD - 2);
        assertThat(read(AsciiFrames.encode(max))).containsExactly("P:" + max);
        byte[] overlong = concat(ascii("\u0002" + max + "9\u000300\r\n"), AsciiFrames.encode("A,1"));
        assertThat(read(overlong)).containsExactly("BAD_FRAME:frame longer than 200 bytes", "P:A,1");
    }

    @Test
    void aNonPrintableByteAbandonsTheFrameWithOneFault() {
        assertThat(read(concat(ascii("\u0002A,\u00071\u000300\r\n"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:non-printable byte 0x7 in a frame", "P:A,1");
        assertThat(read(concat(new byte[]{2, 'A', (byte) 0xC3, (byte) 0xA9, 3, '0', '0'}, AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:non-printable byte 0xc3 in a frame", "P:A,1");
    }

    @Test
    void aWrongChecksumIsBadChecksumAndTheFrameIsDropped() {
        assertThat(read(concat(ascii("\u0002XY\u000302\r\n"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_CHECKSUM:checksum 02 does not match the payload's 01", "P:A,1");
    }

    @Test
    void lowerCaseHexChecksumsAreRejected() {
        // "ab" xor: 0x61 ^ 0x62 = 0x03; written as "03" it passes; a payload whose xor has letters, in lower case, fails
        assertThat(read(ascii("\u0002ab\u000303"))).containsExactly("P:ab");
        // "A,1": 0x41 ^ 0x2C ^ 0x31 = 0x5C
        assertThat(read(concat(ascii("\u0002A,1\u00035c\r\n"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:checksum is not hexadecimal", "P:A,1");
        assertThat(read(concat(ascii("\u0002A,1\u0003c5\r\n"), AsciiFrames.encode("A,1"))))
                .containsExactly("BAD_FRAME:checksum is not hexadecimal", "P:A,1");
    }

    @Test
    void anEmptyFrameIsAFault() {
        assertThat(read(ascii("\u0002\u000300\r\n"))).containsExactly("BAD_FRAME:empty frame");
    }

    @Test
    void aFrameLeftHalfReadAtTheEndIsReported() {
        assertThat(read(ascii("\u0002A,1"))).containsExactly("BAD_FRAME:stream ended inside a frame after 3 payload bytes");
        assertThat(read(ascii("\u0002A,1\u00035"))).containsExactly("BAD_FRAME:stream ended inside a frame after 3 payload bytes");
    }

    @Test
    void framesSplitAcrossReadsAnywhereDecodeTheSame() {
        byte[] all = concat(ascii("zz"), AsciiFrames.encode("A,1"), ascii("\u0002bad"), AsciiFrames.encode("B,22"));
        List<String> whole = read(all);
        for (int cut = 0; cut <= all.length; cut++) {
            assertThat(read(java.util.Arrays.copyOfRange(all, 0, cut), java.util.Arrays.copyOfRange(all, cut, all.length)))
                    .as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(whole).containsExactly("BAD_FRAME:2 bytes outside any frame", "P:A,1",
                "BAD_FRAME:frame cut short by a new frame after 3 payload bytes", "P:B,22");
    }

    @Test
    void faultKindsOfFieldsNameTheRecordAndField() {
        Fields f = new Fields("LB,L,x,1");
        assertThatThrownBy(() -> f.number(2)).isInstanceOfSatisfying(FieldException.class,
                e -> assertThat(e.kind()).isEqualTo(FaultKind.BAD_FRAME)).hasMessage("field 2 of LB: 'x' is not a number");
        assertThatThrownBy(() -> f.number(3, 2, 5, "inclination")).isInstanceOfSatisfying(FieldException.class,
                e -> assertThat(e.kind()).isEqualTo(FaultKind.OUT_OF_RANGE));
        assertThatThrownBy(() -> f.expect(2)).hasMessage("LB needs 2 fields, got 3");
    }
}
