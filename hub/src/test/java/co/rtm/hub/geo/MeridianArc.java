package co.rtm.hub.geo;

/**
 * Test-only references that do not use {@link Earth#metres}: the WGS84 meridian arc by numerical integration of
 * the meridional radius of curvature, and the haversine great-circle distance on a sphere of the mean radius.
 */
final class MeridianArc {
    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014; // WGS84 first eccentricity squared
    private static final double MEAN_RADIUS = 6_371_008.8;

    private MeridianArc() {
    }

    /** Metres along the meridian between two latitudes (degrees), Simpson's rule on M(phi). */
    static double metres(double lat0, double lat1) {
        int n = 2_000;
        double a = Math.toRadians(lat0), b = Math.toRadians(lat1), h = (b - a) / n;
        double sum = m(a) + m(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * m(a + i * h);
        }
        return sum * h / 3;
    }

    private static double m(double phi) {
        double s = Math.sin(phi);
        double w = 1 - E2 * s * s;
        return A * (1 - E2) / (w * Math.sqrt(w));
    }

    /** The latitude that lies the given metres due north of lat0 (bisection on {@link #metres}). */
    static double latitudeNorthOf(double lat0, double metres) {
        double lo = lat0, hi = lat0 + 2 * metres / 100_000;
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (metres(lat0, mid) < metres) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.sqrt(h));
    }
}
