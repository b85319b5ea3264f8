package co.rtm.profiles.profile;

/**
 * How a CALE station identifies the person in front of it (art. 3.7.3.1.3 num. 1, 3.7.3.2.1): the fingerprint score
 * at or above which a live capture matches the Registraduría reference 1:1, or is a hit 1:N. SourceAFIS scores are
 * shaped so that 40 is a false match rate of about 0.01 %, every 10 more a tenth of that (this project's choice; the
 * seed names no number).
 */
public record IdentityRules(Double matchThreshold) {
    public IdentityRules {
        if (matchThreshold == null) throw new IllegalArgumentException("'identity.matchThreshold' is required");
        if (!(matchThreshold > 0) || matchThreshold > 1000) {
            throw new IllegalArgumentException("'identity.matchThreshold' must be above 0 and at most 1000, got " + matchThreshold);
        }
    }
}
