package co.rtm.hub.tracks;

/**
 * Distances on the WGS84 mean sphere (haversine): metres of error per kilometre, enough to tell a jump. Public so
 * that a simulated trip is planned with the very distance the jump filter judges it by.
 */
public final class GreatCircle {
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private GreatCircle() {
    }

    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
