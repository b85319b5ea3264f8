package co.rtm.hub.mobile;

import co.rtm.hub.geo.FiftyKmRule;
import co.rtm.hub.geo.FixedCda;
import co.rtm.hub.geo.MobileLineEligibility;
import co.rtm.hub.geo.Municipalities;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;

/**
 * Whether a stay may go on a mobile line's schedule; pure. Checked in this order, the first failure wins:
 * <ul>
 *   <li>{@link #BAD_DATES}: the stay ends before it starts;</li>
 *   <li>{@link #SHORTER_THAN_A_MONTH}: art. 3.3.3.9 (seed 003 L880) "operen en un municipio por el tiempo mínimo de un
 *   (1) mes". With both ends inclusive, one month from {@code from} is {@code from.plusMonths(1).minusDays(1)}: 1 to
 *   30 November is a month, 1 to 29 November is not; 31 January to 27 February is a month (plusMonths clamps to
 *   28 February);</li>
 *   <li>{@link #UNKNOWN_MUNICIPALITY}: not a DANE code of the bundled boundaries;</li>
 *   <li>{@link #OVERLAPS}: the line is already scheduled somewhere on one of those days (one place at a time);</li>
 *   <li>{@link #FIXED_CDA_WITHIN_50_KM}: art. 3.3.1.6 a (L691) and 3.3.3.9 (L880), through {@link FiftyKmRule}.</li>
 * </ul>
 */
public final class StayRules {
    public static final String BAD_DATES = "BAD_DATES";
    public static final String SHORTER_THAN_A_MONTH = "SHORTER_THAN_A_MONTH";
    public static final String UNKNOWN_MUNICIPALITY = "UNKNOWN_MUNICIPALITY";
    public static final String OVERLAPS = "OVERLAPS";
    public static final String FIXED_CDA_WITHIN_50_KM = "FIXED_CDA_WITHIN_50_KM";

    private StayRules() {
    }

    /** The last day a stay starting on {@code from} must reach to last one month (art. 3.3.3.9). */
    public static LocalDate minimumEnd(LocalDate from) {
        return from.plusMonths(1).minusDays(1);
    }

    /**
     * @param existing  the line's stored stays
     * @param fixedCdas the fixed CDAs with a registered location
     * @throws StayRefused when the stay may not be scheduled
     */
    public static void check(Stay stay, Collection<Stay> existing, Municipalities municipalities,
                             Collection<FixedCda> fixedCdas) {
        if (stay.to().isBefore(stay.from())) {
            throw new StayRefused(BAD_DATES, "the stay ends (" + stay.to() + ") before it starts (" + stay.from() + ")");
        }
        LocalDate minimum = minimumEnd(stay.from());
        if (stay.to().isBefore(minimum)) {
            throw new StayRefused(SHORTER_THAN_A_MONTH, "a stay lasts at least one month (art. 3.3.3.9): from "
                    + stay.from() + " it must run to " + minimum + " or later, not " + stay.to());
        }
        if (municipalities.byCode(stay.municipalityCode()).isEmpty()) {
            throw new StayRefused(UNKNOWN_MUNICIPALITY, "unknown DANE municipality code: " + stay.municipalityCode());
        }
        for (Stay other : existing) {
            if (other.lineId().equals(stay.lineId()) && other.overlaps(stay)) {
                throw new StayRefused(OVERLAPS, "line " + stay.lineId() + " is already scheduled in "
                        + other.municipalityCode() + " from " + other.from() + " to " + other.to() + " (stay " + other.id() + ")");
            }
        }
        MobileLineEligibility e = FiftyKmRule.check(municipalities, stay.municipalityCode(), fixedCdas);
        if (e instanceof MobileLineEligibility.TooClose tooClose) {
            throw new StayRefused(FIXED_CDA_WITHIN_50_KM, "fixed CDA " + tooClose.nearest().centerId() + " is "
                    + km(tooClose.distanceMetres()) + " km from municipality " + stay.municipalityCode()
                    + ", less than 50 km (art. 3.3.1.6 a, 3.3.3.9)");
        }
    }

    static String km(double metres) {
        return String.format(Locale.ROOT, "%.1f", metres / 1000);
    }
}
