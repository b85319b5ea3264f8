package co.rtm.agent.exam;

import java.util.Objects;

/**
 * One live capture at a CALE station (art. 3.7.3.1.3 num. 1-2): the fingerprint, either as the image scanned at
 * {@code dpi} (a terminal sends it over the line protocol) or as the SourceAFIS template the fingerprint instrument's
 * driver already extracted (FPR1 reader), and the HD photo taken with it. Exactly one of image and template. Only
 * hashes leave the station.
 */
public record Capture(byte[] fingerprintImage, double dpi, byte[] photo, byte[] template) {
    public Capture {
        if ((fingerprintImage == null) == (template == null)) {
            throw new IllegalArgumentException("a capture holds exactly one of a fingerprint image and a template");
        }
        Objects.requireNonNull(photo, "photo");
    }

    /** An image capture. */
    public Capture(byte[] fingerprintImage, double dpi, byte[] photo) {
        this(Objects.requireNonNull(fingerprintImage, "fingerprintImage"), dpi, photo, null);
    }

    /** A template extracted by the fingerprint instrument driver, from an image scanned at {@code dpi}. */
    public static Capture ofTemplate(byte[] template, double dpi, byte[] photo) {
        return new Capture(null, dpi, photo, Objects.requireNonNull(template, "template"));
    }
}
