package co.rtm.hub.geo;

/**
 * Distances on the WGS84 ellipsoid for short spans (tens of kilometres): a local equirectangular projection that
 * uses the ellipsoid's meridional and prime-vertical radii of curvature at the pair's mean latitude. Against
 * Vincenty's inverse formula on 200,000 random pairs inside Colombia's bounding box the error stays below 4 cm up
 * to 50 km (0.31 m up to 100 km, 8.4 m up to 300 km; docs/municipalities.md); a sphere (haversine, mean radius)
 * is off by up to 0.56 %, 281 m at 50 km, here.
 */
final class Earth {
    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257223563;
    static final double E2 = F * (2 - F);
    private static final double RAD = Math.PI / 180;

    private Earth() {
    }

    /** Metres per degree of latitude at the given latitude (degrees). */
    static double metresPerDegreeLat(double latDeg) {
        double s = Math.sin(latDeg * RAD);
        double w = 1 - E2 * s * s;
        return A * (1 - E2) / (w * Math.sqrt(w)) * RAD;
    }

    /** Metres per degree of longitude at the given latitude (degrees). */
    static double metresPerDegreeLon(double latDeg) {
        double s = Math.sin(latDeg * RAD);
        return A / Math.sqrt(1 - E2 * s * s) * Math.cos(latDeg * RAD) * RAD;
    }

    /** Distance in metres between two points in degrees; meant for spans up to about 100 km. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double mid = (lat1 + lat2) / 2;
        double dy = (lat2 - lat1) * metresPerDegreeLat(mid);
        double dx = (lon2 - lon1) * metresPerDegreeLon(mid);
        return Math.sqrt(dx * dx + dy * dy);
    }

    static void checkPoint(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90: " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180: " + lon);
        }
    }
}
