package co.rtm.hub.mobile;

import java.time.Instant;
import java.util.Objects;

/** One GPS fix of a mobile line, WGS84 degrees, on the device's clock (DESIGN §7). */
public record Fix(double latitude, double longitude, Instant deviceTime) {
    public Fix {
        Objects.requireNonNull(deviceTime, "deviceTime");
    }
}
