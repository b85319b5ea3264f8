package co.rtm.hub.tracks;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.profiles.wire.Ids;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The sealed trackers' DTLS pre-shared keys, one per station (PSK identity = station id). Stored in clear
 * (base64) in {@code tracker_psks}: a PSK handshake needs the key itself on the server, so a hash would not do;
 * whoever reads the hub's database can impersonate a tracker's transport, though not sign its batches (the
 * station's Ed25519 key never leaves the device). See docs/tracks.md.
 */
public final class TrackerPsks {

    /** 32 random bytes: more than the 128 bits of the AES-128 PSK suites. */
    public static final int PSK_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public TrackerPsks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Creates (or replaces) the station's PSK and returns it; the old one stops working at the next handshake.
     *
     * @throws IllegalArgumentException when the station is not registered
     */
    public byte[] create(String stationId) {
        Ids.requireSafe(stationId, "stationId");
        byte[] psk = new byte[PSK_BYTES];
        RANDOM.nextBytes(psk);
        String text = Base64.getEncoder().encodeToString(psk);
        String now = Timestamps.format(Timestamps.truncate(clock.instant()));
        boolean known = db.inTransaction(tx -> {
            try (PreparedStatement q = tx.connection().prepareStatement("SELECT 1 FROM stations WHERE id = ?")) {
                q.setString(1, stationId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement d = tx.connection().prepareStatement("DELETE FROM tracker_psks WHERE station_id = ?")) {
                d.setString(1, stationId);
                d.executeUpdate();
            }
            try (PreparedStatement i = tx.connection().prepareStatement(
                    "INSERT INTO tracker_psks (station_id, psk, created_at) VALUES (?, ?, ?)")) {
                i.setString(1, stationId);
                i.setString(2, text);
                i.setString(3, now);
                i.executeUpdate();
            }
            return true;
        });
        if (!known) {
            throw new IllegalArgumentException("station " + stationId + " is not registered");
        }
        return psk;
    }

    /** The station's PSK, if it has one. */
    public Optional<byte[]> find(String stationId) {
        if (!Ids.isSafe(stationId)) {
            return Optional.empty();
        }
        return db.read(tx -> {
            try (PreparedStatement q = tx.connection().prepareStatement("SELECT psk FROM tracker_psks WHERE station_id = ?")) {
                q.setString(1, stationId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
