package co.rtm.sim.mobile;

/** Destination points for planning a line's trips; distances are the hub's own {@code GreatCircle}. */
final class Earth {
    private Earth() {
    }

    /** {@code metres} from {@code lat, lon} on {@code bearing} degrees (small distances: flat approximation). */
    static double[] towards(double lat, double lon, double bearingDeg, double metres) {
        double b = Math.toRadians(bearingDeg);
        double dLat = metres * Math.cos(b) / 111_320;
        double dLon = metres * Math.sin(b) / (111_320 * Math.cos(Math.toRadians(lat)));
        return new double[] {lat + dLat, lon + dLon};
    }
}
