package co.rtm.agent.identity;

/**
 * The outcome of a 1:1 verification of a live capture against the template enrolled for the claimed document
 * (art. 3.7.3.1.3 num. 1 and 3.7.3.2.1: "autenticación de la huella dactilar contra la réplica de la base de datos de
 * la Registraduría").
 */
public sealed interface Verification {

    /** The outcome's name as printed and logged: MATCH, NO_MATCH, NOT_ENROLLED, LOW_QUALITY. */
    String outcome();

    /** The capture scored at least the threshold against the claimed document's template. */
    record Match(double score) implements Verification {
        @Override
        public String outcome() {
            return "MATCH";
        }
    }

    /** The capture scored below the threshold: another finger, or another person. */
    record NoMatch(double score) implements Verification {
        @Override
        public String outcome() {
            return "NO_MATCH";
        }
    }

    /** The claimed document has no template in the replica. */
    record NotEnrolled() implements Verification {
        @Override
        public String outcome() {
            return "NOT_ENROLLED";
        }
    }

    /** The capture cannot be used (unreadable, too few minutiae, wrong size): capture the finger again. */
    record LowQuality(String reason) implements Verification {
        @Override
        public String outcome() {
            return "LOW_QUALITY";
        }
    }
}
