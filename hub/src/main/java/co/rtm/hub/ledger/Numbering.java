package co.rtm.hub.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which numbers a result gets (DESIGN §4), without I/O.
 *
 * <ul>
 *   <li>FUR: every completed inspection, approved or rejected, from its centre's series (art. 3.3.5.1).</li>
 *   <li>Certificate: every approved inspection (RTM, art. 3.3.1.5 h) and approved exam (CALE,
 *       art. 3.7.3.2.5), from the hub-wide series of its kind.</li>
 *   <li>Nothing for an INCOMPLETE result, a rejected exam, or a refusal.</li>
 * </ul>
 */
public final class Numbering {
    private Numbering() {
    }

    /** The series a result draws from, FUR before certificate (the order their rows are locked in). */
    public static List<Series> seriesFor(ResultType type, Verdict verdict, String centerId) {
        List<Series> series = new ArrayList<>(2);
        if (takesFur(type, verdict)) {
            series.add(Series.fur(centerId));
        }
        if (takesCertificate(verdict)) {
            series.add(Series.certificate(type.certificateKind()));
        }
        return series;
    }

    /**
     * Assigns the numbers given the next value of each series in {@link #seriesFor}; a series
     * missing from {@code nextValues} has not issued anything yet and starts at 1.
     */
    public static Assignment assign(ResultType type, Verdict verdict, String centerId, Map<Series, Long> nextValues) {
        Long fur = null;
        CertificateKind kind = null;
        Long certificate = null;
        Map<Series, Long> after = new HashMap<>();
        if (takesFur(type, verdict)) {
            Series s = Series.fur(centerId);
            fur = next(nextValues, s);
            after.put(s, fur + 1);
        }
        if (takesCertificate(verdict)) {
            kind = type.certificateKind();
            Series s = Series.certificate(kind);
            certificate = next(nextValues, s);
            after.put(s, certificate + 1);
        }
        return new Assignment(fur, kind, certificate, after);
    }

    static boolean takesFur(ResultType type, Verdict verdict) {
        return type == ResultType.INSPECTION && verdict != Verdict.INCOMPLETE;
    }

    static boolean takesCertificate(Verdict verdict) {
        return verdict == Verdict.APPROVED;
    }

    private static long next(Map<Series, Long> nextValues, Series s) {
        long n = nextValues.getOrDefault(s, 1L);
        if (n < 1) {
            throw new IllegalStateException("counter " + s.key() + " is at " + n + "; numbers start at 1");
        }
        return n;
    }
}
