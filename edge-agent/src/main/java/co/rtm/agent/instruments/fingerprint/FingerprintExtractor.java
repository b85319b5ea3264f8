package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.TemplateFormatException;
import com.machinezoo.fingerprintio.iso19794p2v2011.Iso19794p2v2011Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2011.Iso19794p2v2011Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;

/**
 * Turns a fingerprint image into a SourceAFIS template ({@link FingerprintTemplate#toByteArray()}), as a
 * {@link Sample.FingerprintCapture} reading, or a fault saying why the capture cannot be used:
 * <ul>
 *   <li>{@link FaultKind#BAD_FRAME}: the bytes are not a PNG/BMP/JPEG image, raw pixels do not fill
 *       width x height, or SourceAFIS could not process the image;</li>
 *   <li>{@link FaultKind#OUT_OF_RANGE}: an image header claiming more than {@value #MAX_SIDE_PX} px a side
 *       (checked before decoding), resolution outside {@value #MIN_DPI}-{@value #MAX_DPI} dpi, an image
 *       smaller than {@value #MIN_SIDE_MM} mm or larger than {@value #MAX_SIDE_MM} mm on a side, or fewer
 *       than {@link #minMinutiae()} minutiae (a smudge, a dry or partial finger: ask for another capture).</li>
 * </ul>
 * Stateless and thread-safe. The first extraction in a JVM takes about a second (cold JIT); later ones tens
 * of milliseconds.
 */
public final class FingerprintExtractor {

    public static final double MIN_DPI = 250;
    public static final double MAX_DPI = 1500;
    public static final double MIN_SIDE_MM = 8;
    public static final double MAX_SIDE_MM = 60;
    /** Default minimum minutiae count; ISO/IEC 19794-2 practice treats fewer than about 12 as unusable. */
    public static final int DEFAULT_MIN_MINUTIAE = 12;
    /** Largest image side decoded: {@value #MAX_SIDE_MM} mm at {@value #MAX_DPI} dpi is 3,543 px. */
    public static final int MAX_SIDE_PX = 4096;

    private final int minMinutiae;

    public FingerprintExtractor() {
        this(DEFAULT_MIN_MINUTIAE);
    }

    public FingerprintExtractor(int minMinutiae) {
        this.minMinutiae = minMinutiae;
    }

    public int minMinutiae() {
        return minMinutiae;
    }

    /** An encoded image (PNG, BMP or JPEG, as {@link ImageIO} reads them) scanned at {@code dpi}. */
    public InstrumentEvent fromImage(byte[] encoded, double dpi, Instant at) {
        BufferedImage img;
        try {
            img = decode(encoded);
        } catch (TooLarge e) {
            return new Fault(at, FaultKind.OUT_OF_RANGE, e.getMessage());
        }
        if (img == null) {
            return new Fault(at, FaultKind.BAD_FRAME, "unreadable fingerprint image (" + encoded.length
                    + " bytes, not PNG/BMP/JPEG)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] gray = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int lum = (299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff)) / 1000;
                gray[y * w + x] = (byte) lum;
            }
        }
        return fromGray(gray, w, h, dpi, at);
    }

    /** 8-bit grayscale pixels, row by row, top left first, dark ridges on a light background. */
    public InstrumentEvent fromGray(byte[] pixels, int width, int height, double dpi, Instant at) {
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            return new Fault(at, FaultKind.BAD_FRAME, "raw image of " + pixels.length + " bytes is not "
                    + width + " x " + height + " pixels");
        }
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            return new Fault(at, FaultKind.OUT_OF_RANGE, "resolution " + dpi + " dpi outside " + MIN_DPI + "-"
                    + MAX_DPI);
        }
        double wMm = width / dpi * 25.4;
        double hMm = height / dpi * 25.4;
        if (Math.min(wMm, hMm) < MIN_SIDE_MM || Math.max(wMm, hMm) > MAX_SIDE_MM) {
            return new Fault(at, FaultKind.OUT_OF_RANGE, String.format(
                    "image %d x %d px at %.0f dpi is %.1f x %.1f mm, expected %.0f-%.0f mm a side",
                    width, height, dpi, wMm, hMm, MIN_SIDE_MM, MAX_SIDE_MM));
        }
        FingerprintTemplate template;
        try {
            template = new FingerprintTemplate(
                    new FingerprintImage(width, height, pixels, new FingerprintImageOptions().dpi(dpi)));
        } catch (RuntimeException e) {
            // whatever SourceAFIS cannot take is a capture to repeat, never a dead reader thread
            return new Fault(at, FaultKind.BAD_FRAME, "template extraction failed: " + e);
        }
        int minutiae = minutiae(template);
        if (minutiae < minMinutiae) {
            return new Fault(at, FaultKind.OUT_OF_RANGE, "only " + minutiae + " minutiae found, at least "
                    + minMinutiae + " needed: low quality capture");
        }
        return new Reading(at, new Sample.FingerprintCapture(template.toByteArray(), width, height, dpi));
    }

    private static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The image, or null when the bytes are no image. The size is read from the header before any pixel is
     * decoded, so a small file claiming a huge image cannot exhaust memory.
     */
    private static BufferedImage decode(byte[] encoded) throws TooLarge {
        if (encoded.length == 0) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE_PX || h > MAX_SIDE_PX) {
                    throw new TooLarge("image of " + w + " x " + h + " px, at most " + MAX_SIDE_PX
                            + " px a side accepted");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Minutiae in a template, counted through its ISO 19794-2 export (SourceAFIS exposes no count). The export
     * refuses a template with no minutiae, which is then 0 (SourceAFIS keeps at most 100, below ISO's 255).
     */
    static int minutiae(FingerprintTemplate template) {
        byte[] iso;
        try {
            iso = FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2011, template);
        } catch (TemplateFormatException e) {
            return 0;
        }
        int n = 0;
        for (Iso19794p2v2011Fingerprint fp : new Iso19794p2v2011Template(iso).fingerprints) {
            n += fp.minutiae.size();
        }
        return n;
    }
}
