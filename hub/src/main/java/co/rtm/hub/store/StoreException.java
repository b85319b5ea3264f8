package co.rtm.hub.store;

/** A database failure surfaced to callers unchecked; the transaction it happened in was rolled back. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
