package co.rtm.profiles.tracks;

import java.time.Instant;
import java.util.Objects;

/**
 * One GPS fix of a mobile line's track (DESIGN §7): the receiver's own UTC time of fix, WGS84 position in signed
 * decimal degrees, and what the receiver said of its quality. Unknown altitude, speed, course or satellite count
 * are null (omitted from the JSON); a fix without position or HDOP is not a fix and is never sent.
 *
 * @param deviceTime UTC time of fix as the receiver gave it (NMEA RMC date + time)
 * @param altitudeM  metres above mean sea level, or null
 * @param speedKmh   ground speed, km/h, or null
 * @param courseDeg  course over ground, degrees true [0, 360), or null
 * @param hdop       horizontal dilution of precision (>= 0)
 * @param satellites satellites used, or null
 * @param quality    NMEA GGA fix quality 1..8 (1 autonomous, 2 differential, 4 RTK fixed...; 0 means no fix)
 */
public record TrackFix(Instant deviceTime, double lat, double lon, Double altitudeM, Double speedKmh, Double courseDeg,
                       double hdop, Integer satellites, int quality) {

    public TrackFix {
        Objects.requireNonNull(deviceTime, "deviceTime");
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within [-90, 90]: " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within [-180, 180]: " + lon);
        }
        if (altitudeM != null && !Double.isFinite(altitudeM)) {
            throw new IllegalArgumentException("altitudeM must be finite: " + altitudeM);
        }
        if (speedKmh != null && !(speedKmh >= 0 && Double.isFinite(speedKmh))) {
            throw new IllegalArgumentException("speedKmh must be >= 0: " + speedKmh);
        }
        if (courseDeg != null && !(courseDeg >= 0 && courseDeg <= 360)) {
            throw new IllegalArgumentException("courseDeg must be within [0, 360]: " + courseDeg);
        }
        if (!(hdop >= 0 && Double.isFinite(hdop))) {
            throw new IllegalArgumentException("hdop must be >= 0: " + hdop);
        }
        if (satellites != null && (satellites < 0 || satellites > 255)) {
            throw new IllegalArgumentException("satellites must be within [0, 255]: " + satellites);
        }
        if (quality < 1 || quality > 8) {
            throw new IllegalArgumentException("quality must be a fix quality 1..8 (0 is no fix): " + quality);
        }
    }
}
