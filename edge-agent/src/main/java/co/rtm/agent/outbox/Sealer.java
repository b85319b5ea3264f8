package co.rtm.agent.outbox;

/**
 * Builds the final bytes of a message (normally the signed JWS envelope) once the outbox has
 * allocated its {@link Stamp}. Called inside the append transaction: if it throws, nothing is
 * stored and the sequence number is not consumed.
 */
@FunctionalInterface
public interface Sealer {
    byte[] seal(Stamp stamp) throws Exception;
}
