package co.rtm.hub.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which stations said they are online or offline (the unsigned {@code status} topic: the broker
 * already confines each station to its own topic), kept in memory for the dashboard.
 */
public final class StationPresence {

    /** The last status a station published and when the hub received it. */
    public record Presence(String centerId, String stationId, String status, Instant receivedAt) {
        public boolean online() {
            return "online".equals(status);
        }
    }

    private static final int MAX_STATUS_CHARS = 32;
    private final Map<String, Presence> byStation = new ConcurrentHashMap<>();

    void record(String centerId, String stationId, String status, Instant at) {
        String s = status.strip();
        byStation.put(stationId, new Presence(centerId, stationId,
                s.length() > MAX_STATUS_CHARS ? s.substring(0, MAX_STATUS_CHARS) : s, at));
    }

    public Optional<Presence> of(String stationId) {
        return Optional.ofNullable(byStation.get(stationId));
    }

    /** Every station heard from, by station id. */
    public Map<String, Presence> all() {
        return new TreeMap<>(byStation);
    }
}
