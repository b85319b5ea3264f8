package co.rtm.agent.tracks;

import co.rtm.agent.outbox.Capacity;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;

/**
 * Whether a track batch may go into the outbox now. Tracks must never keep an inspection from starting (DESIGN §8:
 * a full station stops starting inspections): a batch is stored only while the outbox is
 * {@link Capacity.Available} and stays so after it (more than the reserve left), and while tracks hold at most
 * {@code share} of the outbox's messages and bytes. So during a long outage tracks stop at their share and the rest
 * of the outbox, reserve included, stays for results and events. A batch refused here waits in the recorder's
 * memory, never dropping a stored message.
 */
public record TrackRoom(double share) {

    /**
     * @param tracks     what track messages take now
     * @param batchBytes the size the batch will have (an estimate is fine: the reserve is a margin)
     */
    public boolean allows(Capacity capacity, Outbox.TypeUsage tracks, OutboxConfig config, long batchBytes) {
        if (!(capacity instanceof Capacity.Available a)) {
            return false;
        }
        if (a.freeMessages() - 1 <= config.reserveMessages() || a.freeBytes() - batchBytes <= config.reserveBytes()) {
            return false;
        }
        return tracks.messages() + 1 <= share * config.maxMessages()
                && tracks.bytes() + batchBytes <= share * config.maxBytes();
    }
}
