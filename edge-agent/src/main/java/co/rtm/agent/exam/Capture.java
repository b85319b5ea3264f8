package co.rtm.agent.exam;

import java.util.Objects;

/**
 * One live capture at a CALE station: the fingerprint image scanned at {@code dpi} and the HD photo taken with it
 * (art. 3.7.3.1.3 num. 1-2). Only their hashes leave the station.
 */
public record Capture(byte[] fingerprintImage, double dpi, byte[] photo) {
    public Capture {
        Objects.requireNonNull(fingerprintImage, "fingerprintImage");
        Objects.requireNonNull(photo, "photo");
    }
}
