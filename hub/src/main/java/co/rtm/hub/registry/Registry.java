package co.rtm.hub.registry;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Centres, stations, their keys and MQTT credentials. Every change is one transaction that also
 * appends an audit entry. The hub's own key pair lives in files, not here.
 */
public final class Registry {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String STATION_COLUMNS =
            "id, center_id, profile_id, active, mqtt_username, last_seq, created_at";
    private static final String KEY_COLUMNS = "station_id, key_version, public_key, status, not_after, created_at";

    private final Database db;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final List<Consumer<String>> stationListeners;
    private final String actor;

    public Registry(Database db, Clock clock) {
        this(db, clock, PasswordHasher.DEFAULT_ITERATIONS);
    }

    /** With a chosen PBKDF2 iteration count (tests use a low one; stored hashes carry their own). */
    public Registry(Database db, Clock clock, int pbkdf2Iterations) {
        this(db, clock, new PasswordHasher(pbkdf2Iterations), new CopyOnWriteArrayList<>(), null);
    }

    private Registry(Database db, Clock clock, PasswordHasher passwords, List<Consumer<String>> stationListeners,
                     String actor) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.stationListeners = stationListeners;
        this.actor = actor;
    }

    /**
     * The same registry (same database, clock and change listeners) whose audit entries name {@code actor} as
     * {@code by}: a supervisor's user name, or {@link Actors#cli()} for the hub commands.
     */
    public Registry actingAs(String actor) {
        return new Registry(db, clock, passwords, stationListeners, Actors.require(actor));
    }

    /**
     * Calls {@code listener} with the station id after each committed change to a station's
     * activation or keys made through this instance, so caches can drop what they hold. Changes
     * made by another process (or hub instance) are not seen: caches must also expire.
     */
    public void onStationChange(Consumer<String> listener) {
        stationListeners.add(listener);
    }

    private void changed(String stationId) {
        for (Consumer<String> listener : stationListeners) {
            listener.accept(stationId);
        }
    }

    public Center createCenter(String id, CenterKind kind, String name, String furSeriesCode) {
        requireId("centre id", id);
        if (kind != CenterKind.CALE && (furSeriesCode == null || furSeriesCode.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " centre needs a FUR series code");
        }
        Center center = new Center(id, kind, name, furSeriesCode, now());
        return db.inTransaction(tx -> {
            if (findCenter(tx, id).isPresent()) {
                throw new IllegalStateException("centre " + id + " already exists");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO centers (id, kind, name, fur_series_code, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, kind.name());
                ps.setString(3, name);
                ps.setString(4, furSeriesCode);
                ps.setString(5, Timestamps.format(center.createdAt()));
                ps.executeUpdate();
            }
            audit(tx, "CENTER_CREATED", id, AuditLog.detail("kind", kind.name(), "name", name, "furSeriesCode", furSeriesCode));
            return center;
        });
    }

    public Optional<Center> findCenter(String id) {
        return db.read(tx -> findCenter(tx, id));
    }

    /**
     * Registers an active station; its MQTT user name is its id. The returned password is not
     * stored anywhere in clear and cannot be recovered.
     */
    public NewStation createStation(String id, String centerId, String profileId) {
        requireId("station id", id);
        String password = passwords.newPassword();
        String hash = passwords.hash(password);
        Instant created = now();
        Station station = new Station(id, centerId, profileId, true, id, null, created);
        db.inTransaction(tx -> {
            if (findCenter(tx, centerId).isEmpty()) {
                throw new IllegalArgumentException("unknown centre " + centerId);
            }
            if (findStation(tx, id).isPresent()) {
                throw new IllegalStateException("station " + id + " already exists");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO stations (id, center_id, profile_id, active, mqtt_username, mqtt_password_hash,"
                            + " last_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
                ps.setString(1, id);
                ps.setString(2, centerId);
                ps.setString(3, profileId);
                ps.setBoolean(4, true);
                ps.setString(5, id);
                ps.setString(6, hash);
                ps.setString(7, Timestamps.format(created));
                ps.executeUpdate();
            }
            audit(tx, "STATION_CREATED", id, AuditLog.detail("centerId", centerId, "profileId", profileId));
            return null;
        });
        return new NewStation(station, password);
    }

    public Optional<Station> findStation(String id) {
        return db.read(tx -> findStation(tx, id));
    }

    /** Deactivates or reactivates a station; an inactive station is refused at the broker and at ingestion. */
    public void setActive(String stationId, boolean active) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE stations SET active = ? WHERE id = ?")) {
                ps.setBoolean(1, active);
                ps.setString(2, stationId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("unknown station " + stationId);
                }
            }
            audit(tx, active ? "STATION_ACTIVATED" : "STATION_DEACTIVATED", stationId, Map.of());
            return null;
        });
        changed(stationId);
    }

    /** What the centre registered (class, opening hours, accreditation, environmental certificate, location); everything unregistered for a new centre. */
    public Optional<CenterRules> centerRules(String centerId) {
        return db.read(tx -> centerRules(tx, centerId));
    }

    /**
     * Changes what a centre registered, in one transaction with its audit entry, and returns what is stored now.
     * {@code change} gets the stored rules; classes are for CDAs and mobile lines only.
     */
    public CenterRules updateCenterRules(String centerId, UnaryOperator<CenterRules> change) {
        return db.inTransaction(tx -> {
            Center center = findCenter(tx, centerId).orElseThrow(() -> new IllegalArgumentException("unknown centre " + centerId));
            CenterRules before = centerRules(tx, centerId).orElseThrow();
            CenterRules rules = change.apply(before);
            if (center.kind() == CenterKind.CALE && rules.centerClass() != null) {
                throw new IllegalArgumentException("centre " + centerId + " is a CALE; classes A-D are for CDAs and mobile lines");
            }
            CenterLocation at = rules.location();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE centers SET center_class = ?, opening_hours = ?,"
                    + " accredited_until = ?, environmental_until = ?, department = ?, municipality = ?, address = ?,"
                    + " latitude = ?, longitude = ? WHERE id = ?")) {
                ps.setString(1, rules.centerClass() == null ? null : rules.centerClass().name());
                ps.setString(2, rules.hoursText());
                ps.setString(3, text(rules.accreditedUntil()));
                ps.setString(4, text(rules.environmentalUntil()));
                ps.setString(5, at.department());
                ps.setString(6, at.municipality());
                ps.setString(7, at.address());
                ps.setObject(8, at.latitude(), Types.DOUBLE);
                ps.setObject(9, at.longitude(), Types.DOUBLE);
                ps.setString(10, centerId);
                ps.executeUpdate();
            }
            if (center.kind() == CenterKind.CDA && at.latitude() != null
                    && !(at.latitude().equals(before.location().latitude()) && at.longitude().equals(before.location().longitude()))) {
                // art. 3.3.3.10: mobile lines within 50 km get 30 days to leave
                Schedules.fixedCdaLocated(tx, now(), Municipalities.colombia(), centerId, at.latitude(), at.longitude());
            }
            audit(tx, "CENTER_RULES_SET", centerId, AuditLog.detail("centerClass", rules.centerClass() == null ? null : rules.centerClass().name(),
                    "openingHours", rules.hoursText(), "accreditedUntil", text(rules.accreditedUntil()),
                    "environmentalUntil", text(rules.environmentalUntil()), "department", at.department(),
                    "municipality", at.municipality(), "address", at.address(), "latitude", at.latitude(),
                    "longitude", at.longitude()));
            return rules;
        });
    }

    /**
     * Registers a lane's effective capacity per clock hour (art. 3.3.5.2.4); null or 0 removes it (unlimited).
     * Returns what is stored: null for unlimited.
     */
    public Integer setCapacityPerHour(String stationId, Integer perHour) {
        if (perHour != null && perHour < 0) {
            throw new IllegalArgumentException("capacity per hour must not be negative: " + perHour);
        }
        Integer stored = perHour == null || perHour == 0 ? null : perHour;
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE stations SET capacity_per_hour = ? WHERE id = ?")) {
                if (stored == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, stored);
                }
                ps.setString(2, stationId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("unknown station " + stationId);
                }
            }
            audit(tx, "LANE_CAPACITY_SET", stationId, AuditLog.detail("capacityPerHour", stored));
            return null;
        });
        return stored;
    }

    /** The lane's registered capacity per clock hour; empty when none is registered (unlimited). */
    public Optional<Integer> capacityPerHour(String stationId) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT capacity_per_hour FROM stations WHERE id = ?")) {
                ps.setString(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("unknown station " + stationId);
                    }
                    int value = rs.getInt(1);
                    return rs.wasNull() ? Optional.<Integer>empty() : Optional.of(value);
                }
            }
        });
    }

    /** The station with this MQTT user name, if it is active and the password matches. */
    public Optional<Station> checkMqttCredentials(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        record Row(Station station, String hash) {
        }
        Optional<Row> row = db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT " + STATION_COLUMNS + ", mqtt_password_hash FROM stations WHERE mqtt_username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(station(rs), rs.getString("mqtt_password_hash"))) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            passwords.burn(password);
            return Optional.empty();
        }
        boolean ok = passwords.matches(password, row.get().hash());
        return ok && row.get().station().active() ? Optional.of(row.get().station()) : Optional.empty();
    }

    /** Registers a station's first key (or a new one after its current key was revoked) as CURRENT. */
    public StationKey addKey(String stationId, String publicKeyBase64Url) {
        requireRawEd25519(publicKeyBase64Url);
        StationKey added = db.inTransaction(tx -> {
            lockStation(tx, stationId);
            if (keys(tx, stationId).stream().anyMatch(k -> k.status() == KeyStatus.CURRENT)) {
                throw new IllegalStateException("station " + stationId + " already has a current key; rotate it");
            }
            StationKey key = insertKey(tx, stationId, publicKeyBase64Url);
            audit(tx, "KEY_ADDED", key.kid(), AuditLog.detail("publicKey", publicKeyBase64Url));
            return key;
        });
        changed(stationId);
        return added;
    }

    /**
     * Makes {@code newPublicKeyBase64Url} the station's CURRENT key; the key it replaces becomes
     * PREVIOUS and stays usable for {@code previousGrace} (results signed before the rotation may
     * still be in an outbox).
     */
    public StationKey rotate(String stationId, String newPublicKeyBase64Url, Duration previousGrace) {
        requireRawEd25519(newPublicKeyBase64Url);
        if (previousGrace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative");
        }
        Instant notAfter = now().plus(previousGrace);
        StationKey rotated = db.inTransaction(tx -> {
            lockStation(tx, stationId);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE station_keys SET status = 'PREVIOUS', not_after = ? WHERE station_id = ? AND status = 'CURRENT'")) {
                ps.setString(1, Timestamps.format(notAfter));
                ps.setString(2, stationId);
                ps.executeUpdate();
            }
            StationKey key = insertKey(tx, stationId, newPublicKeyBase64Url);
            audit(tx, "KEY_ROTATED", key.kid(), AuditLog.detail("publicKey", newPublicKeyBase64Url,
                    "previousNotAfter", Timestamps.format(notAfter)));
            return key;
        });
        changed(stationId);
        return rotated;
    }

    /** Revokes one key for good; messages signed with it are refused from now on. */
    public StationKey revoke(String stationId, int keyVersion) {
        StationKey revoked = db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE station_keys SET status = 'REVOKED' WHERE station_id = ? AND key_version = ?")) {
                ps.setString(1, stationId);
                ps.setInt(2, keyVersion);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("unknown key " + stationId + "#" + keyVersion);
                }
            }
            StationKey key = findKey(tx, stationId, keyVersion).orElseThrow();
            audit(tx, "KEY_REVOKED", key.kid(), Map.of());
            return key;
        });
        changed(stationId);
        return revoked;
    }

    /** A station key by version, whatever its status; see {@link StationKey#usableAt(Instant)}. */
    public Optional<StationKey> findKey(String stationId, int keyVersion) {
        return db.read(tx -> findKey(tx, stationId, keyVersion));
    }

    /** The key if it exists and may be used at {@code at} (current, or previous within its grace period). */
    public Optional<StationKey> findUsableKey(String stationId, int keyVersion, Instant at) {
        return findKey(stationId, keyVersion).filter(k -> k.usableAt(at));
    }

    public List<StationKey> keys(String stationId) {
        return db.read(tx -> keys(tx, stationId));
    }

    private StationKey insertKey(Tx tx, String stationId, String publicKey) throws SQLException {
        int version;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT COALESCE(MAX(key_version), 0) FROM station_keys WHERE station_id = ?")) {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1) + 1;
            }
        }
        StationKey key = new StationKey(stationId, version, publicKey, KeyStatus.CURRENT, null, now());
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO station_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, 'CURRENT', NULL, ?)")) {
            ps.setString(1, stationId);
            ps.setInt(2, version);
            ps.setString(3, publicKey);
            ps.setString(4, Timestamps.format(key.createdAt()));
            ps.executeUpdate();
        }
        return key;
    }

    /** Serialises key changes of one station (PostgreSQL); fails for an unknown station. */
    private static void lockStation(Tx tx, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id FROM stations WHERE id = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("unknown station " + stationId);
                }
            }
        }
    }

    private static Optional<Center> findCenter(Tx tx, String id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, kind, name, fur_series_code, created_at FROM centers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Center(rs.getString(1), CenterKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Timestamps.parse(rs.getString(5))));
            }
        }
    }

    private static Optional<CenterRules> centerRules(Tx tx, String centerId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT center_class, opening_hours, accredited_until,"
                + " environmental_until, department, municipality, address, latitude, longitude FROM centers WHERE id = ?")) {
            ps.setString(1, centerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CenterLocation at = new CenterLocation(rs.getString(5), rs.getString(6), rs.getString(7),
                        nullableDouble(rs, 8), nullableDouble(rs, 9));
                return Optional.of(CenterRulesColumns.read(centerId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), at));
            }
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static String text(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Optional<Station> findStation(Tx tx, String id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT " + STATION_COLUMNS + " FROM stations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(station(rs)) : Optional.empty();
            }
        }
    }

    private static Station station(ResultSet rs) throws SQLException {
        long lastSeq = rs.getLong("last_seq");
        Long last = rs.wasNull() ? null : lastSeq;
        return new Station(rs.getString("id"), rs.getString("center_id"), rs.getString("profile_id"),
                rs.getBoolean("active"), rs.getString("mqtt_username"), last, Timestamps.parse(rs.getString("created_at")));
    }

    private static Optional<StationKey> findKey(Tx tx, String stationId, int keyVersion) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT " + KEY_COLUMNS + " FROM station_keys WHERE station_id = ? AND key_version = ?")) {
            ps.setString(1, stationId);
            ps.setInt(2, keyVersion);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(key(rs)) : Optional.empty();
            }
        }
    }

    private static List<StationKey> keys(Tx tx, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT " + KEY_COLUMNS + " FROM station_keys WHERE station_id = ? ORDER BY key_version")) {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                List<StationKey> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(key(rs));
                }
                return keys;
            }
        }
    }

    private static StationKey key(ResultSet rs) throws SQLException {
        String notAfter = rs.getString("not_after");
        return new StationKey(rs.getString("station_id"), rs.getInt("key_version"), rs.getString("public_key"),
                KeyStatus.valueOf(rs.getString("status")), notAfter == null ? null : Timestamps.parse(notAfter),
                Timestamps.parse(rs.getString("created_at")));
    }

    private void audit(Tx tx, String kind, String subject, Map<String, ?> detail) throws SQLException {
        AuditLog.append(tx, now(), kind, subject, Actors.stamp(actor, detail));
    }


    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    static void requireId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '.', '_' or '-': " + id);
        }
    }

    static void requireRawEd25519(String base64Url) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(base64Url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not base64url", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 raw bytes, got " + raw.length);
        }
    }
}
