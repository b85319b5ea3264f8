package co.rtm.hub.geo;

/** A fixed-site CDA (any kind of line) where it stands, WGS84 degrees. */
public record FixedCda(String centerId, double latitude, double longitude) {
    public FixedCda {
        if (centerId == null || centerId.isBlank()) {
            throw new IllegalArgumentException("a fixed CDA needs its centre id");
        }
        Earth.checkPoint(latitude, longitude);
    }
}
