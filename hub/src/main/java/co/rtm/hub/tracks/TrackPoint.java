package co.rtm.hub.tracks;

import java.time.Instant;

/** Where a station was at a device time: an accepted fix as the filters and the read side see it. */
public record TrackPoint(Instant deviceTime, double lat, double lon) {
}
