package co.rtm.agent.tracks;

import co.rtm.agent.inspection.LaneInstruments;

import java.time.Duration;

/**
 * The {@code gps:} entry of a lane file, for a mobile line (DESIGN §7, art. 3.3.1.6 h):
 * <pre>
 * gps: {tcp: "10.0.0.50:4002", batchSeconds: 30, batchFixes: 30, maxHdop: 5.0, outboxShare: 0.25}
 * </pre>
 * Exactly one of tcp, serial (with settings, default 4800,8N1 as NMEA 0183 says), coap; the rest optional, with
 * the defaults of {@link TrackSettings}.
 */
public record GpsSection(String tcp, String serial, String settings, String coap, Integer batchSeconds,
                         Integer batchFixes, Double maxHdop, Double outboxShare) {

    /** @throws IllegalArgumentException naming {@code where} and the field */
    public TrackSettings settings(String where, Duration silence) {
        var endpoint = new LaneInstruments.Endpoint(tcp, serial, serial != null && settings == null ? "4800,8N1" : settings,
                coap, null);
        var opener = LaneInstruments.opener(where, endpoint);
        try {
            return new TrackSettings(opener,
                    batchSeconds == null ? TrackSettings.DEFAULT_BATCH_EVERY : Duration.ofSeconds(batchSeconds),
                    batchFixes == null ? TrackSettings.DEFAULT_BATCH_FIXES : batchFixes,
                    maxHdop == null ? TrackSettings.DEFAULT_MAX_HDOP : maxHdop,
                    outboxShare == null ? TrackSettings.DEFAULT_OUTBOX_SHARE : outboxShare, silence);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
