package co.rtm.hub.geo;

import java.util.Collection;

/**
 * Art. 3.3.1.6 a (seed 003 L691): the municipalities a mobile line asks for may not have a fixed CDA "en mínimo 50
 * kilómetros del perímetro"; art. 3.3.3.9 (L880): the line operates "a una distancia de 50 km respecto de un CDA
 * fijo que opere con cualquier tipo de línea". So: a municipality is allowed when every fixed CDA is at least
 * 50,000 m from it, measured from the CDA to the municipality's boundary, 0 when the CDA stands inside it. A CDA at
 * exactly 50 km does not block (3.3.3.9 asks for a distance of 50 km, which it has).
 */
public final class FiftyKmRule {
    public static final double LIMIT_METRES = 50_000;

    private FiftyKmRule() {
    }

    /**
     * @throws IllegalArgumentException for an unknown municipality code
     */
    public static MobileLineEligibility check(Municipalities municipalities, String code, Collection<FixedCda> fixedCdas) {
        if (municipalities.byCode(code).isEmpty()) {
            throw new IllegalArgumentException("unknown DANE municipality code: " + code);
        }
        FixedCda nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (FixedCda cda : fixedCdas) {
            double d = municipalities.distanceMetres(code, cda.latitude(), cda.longitude());
            if (d < best) {
                best = d;
                nearest = cda;
            }
        }
        return best < LIMIT_METRES ? new MobileLineEligibility.TooClose(nearest, best) : new MobileLineEligibility.Allowed();
    }
}
