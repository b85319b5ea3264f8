package co.rtm.sim.instruments.fingerprint;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Deterministic fingerprint-like images, one finger per person id: elliptical ridges around a core whose phase
 * is wound by a few vortices (each vortex splits or ends a ridge, which is what a matcher calls a minutia).
 * A capture places that finger on the sensor with a small shift, rotation and pixel noise, seeded by the
 * capture number, so two captures of one person match and captures of two persons do not.
 * Images are {@value #WIDTH} x {@value #HEIGHT} pixels at {@value #DPI} dpi, 8-bit grayscale, dark ridges.
 */
public final class SyntheticFingerprints {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 400;
    public static final double DPI = 500;

    /** How a capture differs from the finger's reference placement. */
    public record Placement(double shiftXPx, double shiftYPx, double rotationDeg, double noiseSigma) {
        public static final Placement EXACT = new Placement(0, 0, 0, 0);

        /** A plausible re-placement of the finger: up to 12 px shift, 10 degrees rotation, some noise. */
        public static Placement random(long seed) {
            Random r = new Random(seed);
            return new Placement(r.nextDouble(-12, 12), r.nextDouble(-12, 12), r.nextDouble(-10, 10), 12);
        }
    }

    private record Vortex(double x, double y, int sign) {}

    private record Finger(double cx, double cy, double period, double aspect, double tilt, Vortex[] vortices) {}

    private SyntheticFingerprints() {}

    /** The finger of {@code personId}, captured with {@code placement}; 8-bit gray pixels, row by row. */
    public static byte[] gray(long personId, Placement placement) {
        Finger f = finger(personId);
        Random noise = new Random(personId * 31 + Double.hashCode(placement.shiftXPx())
                + 17L * Double.hashCode(placement.rotationDeg()));
        double a = Math.toRadians(placement.rotationDeg());
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double mx = WIDTH / 2.0;
        double my = HEIGHT / 2.0;
        byte[] px = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // sensor pixel -> point on the finger (inverse of rotate-then-shift about the image centre)
                double dx = x - mx - placement.shiftXPx();
                double dy = y - my - placement.shiftYPx();
                double u = mx + cos * dx + sin * dy;
                double v = my - sin * dx + cos * dy;
                double value = 255;
                double ex = (u - mx) / (WIDTH * 0.44);
                double ey = (v - my) / (HEIGHT * 0.45);
                if (ex * ex + ey * ey < 1) {
                    value = 128 + 110 * Math.cos(phase(f, u, v)) + noise.nextGaussian() * placement.noiseSigma();
                }
                px[y * WIDTH + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
            }
        }
        return px;
    }

    /** {@link #gray} encoded as PNG, what a capture device's software writes. */
    public static byte[] png(long personId, Placement placement) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, WIDTH, HEIGHT, gray(personId, placement));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Finger finger(long personId) {
        Random r = new Random(0x5eed_f1ae_0000L ^ personId * 0x9E3779B97F4A7C15L);
        Vortex[] vortices = new Vortex[24 + r.nextInt(8)];
        for (int i = 0; i < vortices.length; i++) {
            vortices[i] = new Vortex(r.nextDouble(50, WIDTH - 50), r.nextDouble(60, HEIGHT - 60),
                    r.nextBoolean() ? 1 : -1);
        }
        return new Finger(r.nextDouble(110, 190), r.nextDouble(140, 240), r.nextDouble(8.5, 10.5),
                r.nextDouble(1.1, 1.6), r.nextDouble(-0.4, 0.4), vortices);
    }

    private static double phase(Finger f, double u, double v) {
        double dx = u - f.cx();
        double dy = v - f.cy();
        double c = Math.cos(f.tilt());
        double s = Math.sin(f.tilt());
        double along = c * dx + s * dy;
        double across = (-s * dx + c * dy) / f.aspect();
        double p = 2 * Math.PI * Math.sqrt(along * along + across * across) / f.period();
        for (Vortex w : f.vortices()) {
            p += w.sign() * Math.atan2(v - w.y(), u - w.x());
        }
        return p;
    }
}
