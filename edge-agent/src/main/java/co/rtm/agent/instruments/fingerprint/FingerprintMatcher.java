package co.rtm.agent.instruments.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * 1:1 verification of a probe template against candidates (SourceAFIS, templates as
 * {@link co.rtm.agent.instruments.Sample.FingerprintCapture#template()} bytes). Build one per probe and score
 * it against each candidate; the probe's preparation is done once. Thread-safe for {@link #score}.
 */
public final class FingerprintMatcher {

    /** SourceAFIS's recommended threshold: a false match rate of about 0.01 %. */
    public static final double RECOMMENDED_THRESHOLD = 40;

    /** A similarity score: 0 for unrelated prints, above {@link #RECOMMENDED_THRESHOLD} for the same finger. */
    public record Score(double value) {
        public boolean matches(double threshold) {
            return value >= threshold;
        }

        public boolean matches() {
            return matches(RECOMMENDED_THRESHOLD);
        }
    }

    private final com.machinezoo.sourceafis.FingerprintMatcher matcher;

    /** @throws IllegalArgumentException when {@code probeTemplate} is not a SourceAFIS template */
    public FingerprintMatcher(byte[] probeTemplate) {
        this.matcher = new com.machinezoo.sourceafis.FingerprintMatcher(template(probeTemplate));
    }

    public Score score(byte[] candidateTemplate) {
        return new Score(matcher.match(template(candidateTemplate)));
    }

    /** One-off comparison. */
    public static Score score(byte[] probeTemplate, byte[] candidateTemplate) {
        return new FingerprintMatcher(probeTemplate).score(candidateTemplate);
    }

    private static FingerprintTemplate template(byte[] bytes) {
        try {
            return new FingerprintTemplate(bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SourceAFIS template (" + bytes.length + " bytes)", e);
        }
    }
}
