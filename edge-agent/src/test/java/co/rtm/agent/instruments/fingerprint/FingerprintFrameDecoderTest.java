package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.FingerprintCapture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintFrameDecoderTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String IDENTITY = "Acme;FP-500;SN123;1.4.2;2025-06-01;2026-05-31";

    private static List<InstrumentEvent> decode(byte[] bytes, int chunk) {
        FingerprintFrameDecoder d = new FingerprintFrameDecoder(new FingerprintExtractor());
        List<InstrumentEvent> out = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += chunk) {
            d.feed(bytes, off, Math.min(chunk, bytes.length - off), T, out::add);
        }
        d.endOfStream(T, out::add);
        return out;
    }

    @Test
    void frameLayoutIsMagicTypeLengthPayloadCrcOfTypeLengthAndPayload() {
        // heartbeat: "FPR1" 'H' 00000000, CRC-32 of 48 00 00 00 00
        byte[] heartbeat = HexFormat.of().parseHex("4650523148" + "00000000" + "aea1e495");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(new byte[] {'H', 0, 0, 0, 0});
        assertThat(crc.getValue()).isEqualTo(0xaea1e495L);
        assertThat(Fpr1.frame('H', new byte[0])).isEqualTo(heartbeat);
        assertThat(decode(heartbeat, heartbeat.length)).isEmpty();
    }

    @Test
    void identityCaptureAndErrorFramesBecomeEventsEvenWhenSplitAtEveryByte() {
        byte[] stream = Fpr1.concat(Fpr1.text('I', IDENTITY), Fpr1.frame('H', new byte[0]),
                Fpr1.capture(Fpr1.image("person1.png"), 500), Fpr1.text('E', "sensor dirty"));
        for (int chunk : new int[] {stream.length, 1, 7, 1000}) {
            List<InstrumentEvent> events = decode(stream, chunk);
            assertThat(events).as("chunk %d", chunk).hasSize(3);
            assertThat(events.get(0)).isInstanceOfSatisfying(Identified.class, i -> {
                assertThat(i.identity().serial()).isEqualTo("SN123");
                assertThat(i.identity().verificationDue()).isEqualTo(LocalDate.of(2026, 5, 31));
            });
            assertThat(events.get(1)).isInstanceOfSatisfying(Reading.class, r -> {
                FingerprintCapture c = (FingerprintCapture) r.sample();
                assertThat(c.dpi()).isEqualTo(500);
                assertThat(c.widthPx()).isEqualTo(300);
            });
            assertThat(events.get(2)).isInstanceOfSatisfying(Fault.class, f -> {
                assertThat(f.kind()).isEqualTo(FaultKind.DEVICE_ERROR);
                assertThat(f.detail()).isEqualTo("sensor dirty");
            });
        }
    }

    @Test
    void aCorruptedCaptureIsABadChecksumAndTheNextFrameIsStillRead() {
        byte[] capture = Fpr1.capture(Fpr1.image("person1.png"), 500);
        capture[capture.length / 2] ^= 0x20; // one flipped bit inside the PNG
        List<InstrumentEvent> events = decode(Fpr1.concat(capture, Fpr1.text('I', IDENTITY)), 4096);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_CHECKSUM));
        assertThat(events.get(1)).isInstanceOf(Identified.class);
    }

    @Test
    void garbageAndImpossibleHeadersAreBadFramesAndDecodingResumesAtTheNextMagic() {
        byte[] noise = {0x00, 0x13, (byte) 0xff, 'F', 'P', 'R', 'x', 0x7f};
        byte[] huge = HexFormat.of().parseHex("46505231" + "43" + "7fffffff");
        byte[] unknownType = HexFormat.of().parseHex("46505231" + "5a" + "00000000" + "00000000");
        List<InstrumentEvent> events = decode(Fpr1.concat(noise, Fpr1.text('I', IDENTITY), huge, unknownType,
                Fpr1.text('E', "after")), 3);

        assertThat(events.stream().filter(Reading.class::isInstance)).isEmpty();
        assertThat(events.get(0)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME);
            assertThat(f.detail()).startsWith("8 bytes");
        });
        assertThat(events.get(1)).isInstanceOf(Identified.class);
        assertThat(events.subList(2, events.size() - 1)).isNotEmpty()
                .allSatisfy(e -> assertThat(((Fault) e).kind()).isEqualTo(FaultKind.BAD_FRAME));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.detail()).isEqualTo("after"));
    }

    @Test
    void aStreamEndingInsideAFrameIsReported() {
        byte[] frame = Fpr1.text('I', IDENTITY);
        List<InstrumentEvent> events = decode(java.util.Arrays.copyOf(frame, frame.length - 2), 5);
        assertThat(events).singleElement().isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.detail()).contains("stream ended inside"));
    }

    @Test
    void aMalformedIdentityIsABadFrameNotAnIdentity() {
        assertThat(decode(Fpr1.text('I', "Acme;FP-500"), 100)).singleElement()
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
    }
}
