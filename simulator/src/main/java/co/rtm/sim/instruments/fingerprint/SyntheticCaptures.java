package co.rtm.sim.instruments.fingerprint;

import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints.Placement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Live captures at a CALE station for a person of {@link SyntheticFingerprints}, as PNG at
 * {@link SyntheticFingerprints#DPI} dpi, each deterministic in (person, attempt):
 * <ul>
 *   <li>{@link #genuine}: the person's own finger, placed again (shift, rotation, noise);</li>
 *   <li>{@link #impostor}: someone else claiming the person's document: the finger of person
 *       {@code personId + }{@value #IMPOSTOR_OFFSET}, never enrolled in a registry of fewer persons;</li>
 *   <li>{@link #lowQuality}: the fingertip barely on the sensor: a {@value #CROP_PX} px square (8.6 mm) from a corner of
 *       the capture, where the finger hardly reaches, so the extractor finds too few minutiae and refuses it;</li>
 *   <li>{@link #noisy}: a wet or dirty sensor: the whole finger under pixel noise of sigma {@value #HEAVY_NOISE}, which
 *       the extractor still accepts but which scores far below any threshold.</li>
 * </ul>
 */
public final class SyntheticCaptures {

    public static final long IMPOSTOR_OFFSET = 1_000_000_000L;
    public static final int CROP_PX = 170;
    public static final double HEAVY_NOISE = 300;

    private SyntheticCaptures() {}

    /** How {@code personId} places the finger at attempt {@code attempt}. */
    public static Placement placement(long personId, int attempt) {
        return Placement.random(personId * 1_000_003L + attempt);
    }

    public static byte[] genuine(long personId, int attempt) {
        return SyntheticFingerprints.png(personId, placement(personId, attempt));
    }

    public static byte[] impostor(long personId, int attempt) {
        return genuine(personId + IMPOSTOR_OFFSET, attempt);
    }

    public static byte[] lowQuality(long personId, int attempt) {
        byte[] full = SyntheticFingerprints.gray(personId, placement(personId, attempt));
        boolean left = attempt % 2 == 0;
        boolean top = attempt / 2 % 2 == 0;
        int x0 = left ? 0 : SyntheticFingerprints.WIDTH - CROP_PX;
        int y0 = top ? 0 : SyntheticFingerprints.HEIGHT - CROP_PX;
        byte[] crop = new byte[CROP_PX * CROP_PX];
        for (int y = 0; y < CROP_PX; y++) {
            System.arraycopy(full, (y0 + y) * SyntheticFingerprints.WIDTH + x0, crop, y * CROP_PX, CROP_PX);
        }
        return png(crop, CROP_PX, CROP_PX);
    }

    public static byte[] noisy(long personId, int attempt) {
        Placement p = placement(personId, attempt);
        return SyntheticFingerprints.png(personId,
                new Placement(p.shiftXPx(), p.shiftYPx(), p.rotationDeg(), HEAVY_NOISE));
    }

    static byte[] png(byte[] gray, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, width, height, gray);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
