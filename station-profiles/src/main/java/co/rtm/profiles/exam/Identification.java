package co.rtm.profiles.exam;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Evidence of one identification of the candidate (art. 3.7.3.1.3: fingerprint against the Registraduría replica,
 * HD photo; the same at closing, art. 3.7.3.1.4, and at the practical check-in, art. 3.7.3.2.1): SHA-256 (hex) of
 * the fingerprint template captured, the 1:1 match score against the reference, SHA-256 (hex) of the photo, and
 * when it was captured, and SHA-256 (hex) of the replica's enrolled template the capture was matched against
 * ({@code referenceHash}). The images themselves stay on the station.
 *
 * <p>The capture and photo hashes differ at every capture (two scans of one finger never give the same template
 * bytes), so they prove nothing when compared across exams; the reference hash is stable for one enrolment, so the hub
 * compares it between a practical and the candidate's theory exam (art. 3.7.3.2.1: identity checked against the
 * theory exam).
 */
public record Identification(String templateHash, double matchScore, String photoHash, OffsetDateTime at,
                             String referenceHash) {
    public Identification {
        requireSha256(templateHash, "templateHash");
        requireSha256(referenceHash, "referenceHash");
        requireSha256(photoHash, "photoHash");
        if (!(matchScore >= 0) || Double.isInfinite(matchScore)) throw new IllegalArgumentException("matchScore must be a finite number >= 0");
        Objects.requireNonNull(at, "at");
    }

    private static void requireSha256(String hex, String what) {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) throw new IllegalArgumentException(what + " must be a SHA-256 in lower-case hex (64 digits)");
    }
}
