package co.rtm.agent.login;

import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;

import java.util.List;
import java.util.Optional;

/**
 * Who a captured finger belongs to: the probe is verified 1:1 against every enrolled template of every inspector;
 * the inspector with the best score at or above the threshold is the one, and none when nobody reaches it.
 */
public record InspectorMatch(Inspector inspector, double score) {

    /** The best inspector for {@code probe}, if any scores at least {@code threshold}. */
    public static Optional<InspectorMatch> best(byte[] probe, List<Inspector> inspectors, double threshold) {
        FingerprintMatcher matcher = new FingerprintMatcher(probe);
        InspectorMatch best = null;
        for (Inspector inspector : inspectors) {
            for (byte[] template : inspector.templates()) {
                double score = matcher.score(template).value();
                if (score >= threshold && (best == null || score > best.score())) {
                    best = new InspectorMatch(inspector, score);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
