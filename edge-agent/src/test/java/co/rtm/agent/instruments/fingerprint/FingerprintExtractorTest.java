package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.FingerprintCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test images are synthetic prints from the simulator's SyntheticFingerprints, 300 x 400 px at 500 dpi. */
class FingerprintExtractorTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final FingerprintExtractor EXTRACTOR = new FingerprintExtractor();
    private static FingerprintCapture person1;
    private static FingerprintCapture person1Moved;
    private static FingerprintCapture person2;

    @BeforeAll
    static void extract() {
        person1 = capture(EXTRACTOR.fromImage(Fpr1.image("person1.png"), 500, T));
        person1Moved = capture(EXTRACTOR.fromImage(Fpr1.image("person1-moved.png"), 500, T));
        person2 = capture(EXTRACTOR.fromImage(Fpr1.image("person2.png"), 500, T));
    }

    static FingerprintCapture capture(InstrumentEvent e) {
        assertThat(e).isInstanceOf(Reading.class);
        return (FingerprintCapture) ((Reading) e).sample();
    }

    @Test
    void aPngBecomesATemplateWithTheImageGeometry() {
        assertThat(person1.widthPx()).isEqualTo(300);
        assertThat(person1.heightPx()).isEqualTo(400);
        assertThat(person1.dpi()).isEqualTo(500);
        assertThat(person1.template()).hasSizeGreaterThan(100);
    }

    @Test
    void sameFingerPlacedAgainMatchesAndAnotherFingerDoesNot() {
        FingerprintMatcher.Score self = FingerprintMatcher.score(person1.template(), person1.template());
        FingerprintMatcher.Score moved = FingerprintMatcher.score(person1.template(), person1Moved.template());
        FingerprintMatcher.Score other = FingerprintMatcher.score(person1.template(), person2.template());

        assertThat(self.value()).isGreaterThan(moved.value());
        assertThat(moved.matches()).as("moved score %s", moved).isTrue();
        assertThat(other.matches()).as("other score %s", other).isFalse();
        assertThat(other.value()).isLessThan(FingerprintMatcher.RECOMMENDED_THRESHOLD);
        assertThat(moved.matches(moved.value() + 1)).isFalse();
    }

    @Test
    void rawGrayPixelsGiveTheSameFingerAsThePng() throws IOException {
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(Fpr1.image("person1.png")));
        byte[] gray = new byte[300 * 400];
        img.getRaster().getDataElements(0, 0, 300, 400, gray);
        FingerprintCapture raw = capture(EXTRACTOR.fromGray(gray, 300, 400, 500, T));
        assertThat(FingerprintMatcher.score(person1.template(), raw.template()).matches()).isTrue();
    }

    @Test
    void bytesThatAreNotAnImageAreABadFrame() {
        byte[] png = Fpr1.image("person1.png");
        assertThat(EXTRACTOR.fromImage(Arrays.copyOf(png, 40), 500, T))
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
        assertThat(EXTRACTOR.fromImage("hello".getBytes(), 500, T))
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.detail()).contains("unreadable"));
        assertThat(EXTRACTOR.fromGray(new byte[100], 300, 400, 500, T))
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
    }

    @Test
    void aTooSmallImageOrAnImpossibleResolutionIsOutOfRange() throws IOException {
        // 100 x 100 px at 500 dpi is 5 mm a side: no finger fits
        assertThat(EXTRACTOR.fromImage(png(100, 100, 200), 500, T)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.OUT_OF_RANGE);
            assertThat(f.detail()).contains("5.1 x 5.1 mm");
        });
        assertThat(EXTRACTOR.fromImage(Fpr1.image("person1.png"), 72, T))
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.OUT_OF_RANGE));
    }

    @Test
    void aSmallFileClaimingAHugeImageIsRejectedBeforeDecoding() throws IOException {
        byte[] png = png(300, 400, 200);
        // IHDR width and height sit at bytes 16..23; claim 60000 x 60000 (14 GB of pixels once decoded)
        java.nio.ByteBuffer.wrap(png).putInt(16, 60000).putInt(20, 60000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        assertThat(EXTRACTOR.fromImage(png, 500, T)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.OUT_OF_RANGE);
            assertThat(f.detail()).contains("60000 x 60000");
        });
    }

    @Test
    void aBlankCaptureHasTooFewMinutiaeAndIsNoReading() throws IOException {
        assertThat(EXTRACTOR.fromImage(png(300, 400, 200), 500, T)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.OUT_OF_RANGE);
            assertThat(f.detail()).contains("minutiae");
        });
    }

    @Test
    void aCaptureWithFewerMinutiaeThanConfiguredIsRejected() {
        int found = FingerprintExtractor.minutiae(new com.machinezoo.sourceafis.FingerprintTemplate(person1.template()));
        assertThat(found).isGreaterThanOrEqualTo(FingerprintExtractor.DEFAULT_MIN_MINUTIAE);
        assertThat(new FingerprintExtractor(found + 1).fromImage(Fpr1.image("person1.png"), 500, T))
                .isInstanceOf(Fault.class);
        assertThat(new FingerprintExtractor(found).fromImage(Fpr1.image("person1.png"), 500, T))
                .isInstanceOf(Reading.class);
    }

    @Test
    void matcherRejectsBytesThatAreNoTemplate() {
        assertThatThrownBy(() -> new FingerprintMatcher(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] png(int w, int h, int gray) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) gray);
        img.getRaster().setDataElements(0, 0, w, h, px);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
