package co.rtm.sim.cale;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;

/**
 * A synthetic CALE candidate: the document presented, the category booked, the person whose finger is actually
 * on the reader ({@code fingerPerson}, a {@link co.rtm.sim.instruments.fingerprint.SyntheticFingerprints} id), and
 * the knowledge level: each answer is right with that chance.
 */
public record SyntheticCandidate(DocumentId document, LicenceCategory category, long fingerPerson, double knowledge,
                                 Kind kind) {

    public enum Kind {
        /** Presents their own document. */
        GENUINE,
        /** Presents another person's document with their own finger. */
        IMPOSTOR,
        /** Enrolled in the replica under two documents; presents one of them. */
        ENROLLED_TWICE
    }
}
