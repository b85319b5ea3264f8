package co.rtm.agent.outbox;

/** The outbox's storage failed (I/O error, corrupt file, a sealer that threw). Nothing was half-written. */
public final class OutboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
