package co.rtm.sim.mobile;

/** Great-circle distance and destination points on a sphere, enough for planning a line's trips. */
final class Earth {
    static final double RADIUS_M = 6_371_000;

    private Earth() {
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** {@code metres} from {@code lat, lon} on {@code bearing} degrees (small distances: flat approximation). */
    static double[] towards(double lat, double lon, double bearingDeg, double metres) {
        double b = Math.toRadians(bearingDeg);
        double dLat = metres * Math.cos(b) / 111_320;
        double dLon = metres * Math.sin(b) / (111_320 * Math.cos(Math.toRadians(lat)));
        return new double[] {lat + dLat, lon + dLon};
    }
}
