package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;

/** Real places for the tests, and points at a chosen distance outside a municipality. */
final class Places {
    static final Municipalities CO = Municipalities.colombia();
    static final String BOGOTA = "11001";
    /** Plaza de Bolívar, Bogotá. */
    static final double[] BOGOTA_CENTRE = {4.5981, -74.0758};
    /** Chía's main square, a few kilometres north of Bogotá's boundary. */
    static final double[] CHIA = {4.8617, -74.0325};
    static final String LETICIA = "91001";
    /** Leticia town, Amazonas. */
    static final double[] LETICIA_TOWN = {-4.2153, -69.9406};
    static final String PUERTO_NARINO = "91540";
    /** Puerto Nariño town: 60.5 km from Leticia town to Puerto Nariño's boundary; 7.5 km from Leticia's. */
    static final double[] PUERTO_NARINO_TOWN = {-3.7703, -70.3831};
    /** Tarapacá, Amazonas: 63.6 km from Puerto Nariño town. */
    static final String TARAPACA = "91798";
    /** Mitú, Vaupés: some 600 km from Leticia. */
    static final String MITU = "97001";

    private Places() {
    }

    /**
     * A point due north of {@code inside} that lies {@code metres} from the municipality (bisection on the latitude;
     * the distance is continuous along the meridian, 0 at the start).
     */
    static double[] northOutside(String code, double[] inside, double metres) {
        double lo = inside[0];
        double hi = inside[0];
        while (CO.distanceMetres(code, hi, inside[1]) < metres) {
            hi += 0.01;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (CO.distanceMetres(code, mid, inside[1]) < metres) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {hi, inside[1]};
    }
}
