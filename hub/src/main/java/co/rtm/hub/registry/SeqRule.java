package co.rtm.hub.registry;

import java.util.function.LongPredicate;

/**
 * Replay protection: a seq may be accepted from a station only if no result already accepted from
 * that station carries it. Not "above the last one": a station keeps many messages in flight and
 * resends the unacknowledged ones, so a lost seq 5 may legitimately arrive after seq 10 was
 * accepted. The unique (station_id, seq) index on results backs this up.
 */
public final class SeqRule {
    private SeqRule() {
    }

    /**
     * @param alreadyAccepted tells whether an accepted result of the station already has a given seq
     */
    public static boolean isNew(long seq, LongPredicate alreadyAccepted) {
        return seq >= 1 && !alreadyAccepted.test(seq);
    }
}
