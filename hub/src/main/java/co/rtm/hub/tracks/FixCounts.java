package co.rtm.hub.tracks;

/**
 * What the per-fix filters did with one batch (or, summed, with many): every received fix is counted exactly
 * once, as accepted or under the first filter that dropped it.
 */
public record FixCounts(long received, long accepted, long duplicate, long future, long stale, long jump) {

    public static final FixCounts ZERO = new FixCounts(0, 0, 0, 0, 0, 0);

    public FixCounts {
        if (accepted + duplicate + future + stale + jump != received) {
            throw new IllegalArgumentException("counts do not add up to the received fixes");
        }
    }

    public FixCounts plus(FixCounts o) {
        return new FixCounts(received + o.received, accepted + o.accepted, duplicate + o.duplicate,
                future + o.future, stale + o.stale, jump + o.jump);
    }
}
