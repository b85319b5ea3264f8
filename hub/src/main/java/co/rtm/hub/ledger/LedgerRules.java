package co.rtm.hub.ledger;

import co.rtm.hub.registry.SeqRule;
import java.util.Map;
import java.util.Optional;

/** The acceptance rules of the ledger, without I/O; {@link Ledger} loads the state and applies the decision. */
public final class LedgerRules {
    private LedgerRules() {
    }

    /**
     * @param station  the submitting station, or null if it is not registered
     * @param existing the receipt of an already accepted result with the same messageId, or null
     * @param seqTaken whether an accepted result of the station already carries the submission's seq
     */
    public static LedgerDecision decide(Submission s, StationState station, Receipt existing, boolean seqTaken,
                                        Map<Series, Long> nextValues) {
        return precheck(s, station, existing, seqTaken)
                .orElseGet(() -> new LedgerDecision.Accept(Numbering.assign(s.type(), s.verdict(), s.centerId(), nextValues)));
    }

    /** The decision when it does not depend on the counters: a duplicate or a refusal. */
    public static Optional<LedgerDecision> precheck(Submission s, StationState station, Receipt existing,
                                                    boolean seqTaken) {
        if (existing != null) {
            return Optional.of(new LedgerDecision.Duplicate(existing));
        }
        if (station == null) {
            return refuse(RefusalReasons.UNKNOWN_STATION, "station " + s.stationId() + " is not registered");
        }
        if (!station.centerId().equals(s.centerId())) {
            return refuse(RefusalReasons.CENTER_MISMATCH,
                    "station " + s.stationId() + " belongs to centre " + station.centerId() + ", not " + s.centerId());
        }
        if (!station.active()) {
            return refuse(RefusalReasons.STATION_INACTIVE, "station " + s.stationId() + " is not active");
        }
        if (!SeqRule.isNew(s.seq(), seq -> seqTaken)) {
            return refuse(RefusalReasons.REPLAYED_SEQ,
                    "seq " + s.seq() + " was already accepted from station " + s.stationId() + " in another message");
        }
        return Optional.empty();
    }

    private static Optional<LedgerDecision> refuse(String code, String detail) {
        return Optional.of(new LedgerDecision.Refuse(code, detail));
    }
}
