package co.rtm.agent.outbox;

/**
 * How full the outbox is, as seen by {@link Outbox#capacity()}. Only {@link Available} allows a new
 * inspection to start; {@link ReserveOnly} still accepts appends (so work already started can store
 * its result); {@link Full} refuses appends. Both refusals carry a sentence a technician can read.
 */
public sealed interface Capacity {

    /** Rows that count against the limit (PENDING, SENT and REJECTED). */
    long storedMessages();

    /** Sum of the payload sizes of those rows. */
    long storedBytes();

    record Available(long storedMessages, long storedBytes, long freeMessages, long freeBytes) implements Capacity {
    }

    record ReserveOnly(long storedMessages, long storedBytes, String reason) implements Capacity {
    }

    record Full(long storedMessages, long storedBytes, String reason) implements Capacity {
    }
}
