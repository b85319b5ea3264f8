package co.rtm.agent.exam;

import java.net.URI;

/**
 * How a CALE station is run beyond its bundle: the match threshold overriding the profile's
 * {@code identity.matchThreshold} (null: the profile's, or the replica's when the profile names none), and the
 * fingerprint instrument (null: captures come over the terminals' {@code FINGER} line; {@code tcp://HOST:PORT}: an
 * FPR1 reader behind a device server, photos over the terminals' {@code PHOTO} line).
 */
public record ExamStationOptions(Double matchThreshold, URI fingerprint) {
    public ExamStationOptions {
        if (matchThreshold != null && !(matchThreshold > 0)) {
            throw new IllegalArgumentException("the match threshold must be above 0, got " + matchThreshold);
        }
        if (fingerprint != null && (!"tcp".equals(fingerprint.getScheme()) || fingerprint.getHost() == null
                || fingerprint.getPort() < 1)) {
            throw new IllegalArgumentException("the fingerprint reader must be tcp://HOST:PORT, got " + fingerprint);
        }
    }

    public static ExamStationOptions defaults() {
        return new ExamStationOptions(null, null);
    }

    /** Parses {@code tcp://HOST:PORT}; a clear one-line error otherwise. */
    public static URI fingerprintUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the fingerprint reader must be tcp://HOST:PORT, got " + text);
        }
        return new ExamStationOptions(null, uri).fingerprint();
    }
}
