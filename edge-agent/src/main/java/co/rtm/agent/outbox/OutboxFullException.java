package co.rtm.agent.outbox;

/**
 * {@link Outbox#append} refused a message because the outbox (or the disk under it) is full.
 * Nothing was stored, nothing already stored was dropped. New inspections must not start until
 * the hub has acknowledged enough of the backlog.
 */
public final class OutboxFullException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Capacity.Full capacity;

    public OutboxFullException(Capacity.Full capacity) {
        super(capacity.reason());
        this.capacity = capacity;
    }

    public Capacity.Full capacity() {
        return capacity;
    }
}
