package co.rtm.hub.ledger;

import java.util.Map;

/**
 * The numbers a result takes (null where it takes none) and the counters' next values afterwards,
 * for exactly the series it drew from.
 */
public record Assignment(Long furNumber, CertificateKind certificateKind, Long certificateNumber,
                         Map<Series, Long> nextValuesAfter) {
    public Assignment {
        nextValuesAfter = Map.copyOf(nextValuesAfter);
    }
}
