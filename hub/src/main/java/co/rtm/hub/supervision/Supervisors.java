package co.rtm.hub.supervision;

import co.rtm.hub.ledger.Sha256;
import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Supervisor accounts, their sessions and failed logins. Every action (account created, login, failed or refused
 * login, logout, password changed) is one transaction with its audit entry.
 */
public final class Supervisors {
    public static final String AUDIT_CREATED = "SUPERVISOR_CREATED";
    public static final String AUDIT_LOGIN = "SUPERVISOR_LOGIN";
    public static final String AUDIT_LOGIN_FAILED = "SUPERVISOR_LOGIN_FAILED";
    public static final String AUDIT_LOGIN_LOCKED = "SUPERVISOR_LOGIN_LOCKED";
    public static final String AUDIT_LOGOUT = "SUPERVISOR_LOGOUT";
    public static final String AUDIT_PASSWORD_CHANGED = "SUPERVISOR_PASSWORD_CHANGED";
    /** A session lasts this long from login, however active. */
    public static final Duration SESSION_TTL = Duration.ofHours(8);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Database db;
    private final Clock clock;
    private final Argon2Hasher hasher;
    private final SecureRandom random = new SecureRandom();

    public Supervisors(Database db, Clock clock) {
        this(db, clock, new Argon2Hasher(Argon2Hasher.DEFAULT));
    }

    public Supervisors(Database db, Clock clock, Argon2Hasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Creates an account. {@code actor} is who did it (an admin's name, or {@code cli}). */
    public Supervisor create(String actor, String name, Role role, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be 1-64 letters, digits, '.', '_', '@' or '-': " + name);
        }
        PasswordRule.check(password);
        String hash = hasher.hash(password);
        Instant now = now();
        return db.inTransaction(tx -> {
            if (find(tx, name).isPresent()) {
                throw new IllegalStateException("user " + name + " already exists");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO supervisors (name, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, role.name());
                ps.setString(3, hash);
                ps.setString(4, Timestamps.format(now));
                ps.setString(5, Timestamps.format(now));
                ps.executeUpdate();
            }
            AuditLog.append(tx, now, AUDIT_CREATED, name, AuditLog.detail("by", actor, "role", role.label()));
            return new Supervisor(name, role, now, now);
        });
    }

    public Optional<Supervisor> find(String name) {
        return db.read(tx -> find(tx, name));
    }

    public List<Supervisor> list() {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT name, role, created_at, password_changed_at FROM supervisors ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<Supervisor> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(supervisor(rs));
                }
                return all;
            }
        });
    }

    /** Checks the password unless the user name or the address is locked out (see {@link LoginThrottle}). */
    public LoginResult login(String name, String password, String source) {
        // longer than any account name can be: kept short for storage, and never matched to an account
        boolean tooLong = name != null && name.length() > 64;
        String user = name == null ? "" : tooLong ? name.substring(0, 64) + "..." : name;
        String from = source == null ? "-" : source;
        Instant now = now();
        Optional<Instant> locked = db.read(tx -> {
            Instant since = now.minus(LoginThrottle.LOOKBACK);
            Optional<Instant> byUser = LoginThrottle.lockedUntil(failures(tx, "user_name", user, since), now);
            Optional<Instant> bySource = LoginThrottle.lockedUntil(failures(tx, "source", from, since), now);
            return byUser.isPresent() && (bySource.isEmpty() || byUser.get().isAfter(bySource.get())) ? byUser : bySource;
        });
        if (locked.isPresent()) {
            db.inTransaction(tx -> AuditLog.append(tx, now, AUDIT_LOGIN_LOCKED, auditName(user),
                    AuditLog.detail("source", from, "lockedUntil", Timestamps.format(locked.get()))));
            return new LoginResult.Locked(locked.get());
        }
        Optional<Row> row = tooLong ? Optional.empty() : db.read(tx -> row(tx, user));
        boolean ok;
        if (row.isEmpty() || password == null) {
            hasher.burn(password == null ? "" : password);
            ok = false;
        } else {
            ok = hasher.matches(password, row.get().hash());
        }
        if (!ok) {
            db.inTransaction(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "INSERT INTO login_failures (user_name, source, at) VALUES (?, ?, ?)")) {
                    ps.setString(1, user);
                    ps.setString(2, from);
                    ps.setString(3, Timestamps.format(now));
                    ps.executeUpdate();
                }
                return AuditLog.append(tx, now, AUDIT_LOGIN_FAILED, auditName(user),
                        AuditLog.detail("source", from, "knownUser", row.isPresent()));
            });
            return new LoginResult.Refused();
        }
        String token = newToken();
        Instant expires = now.plus(SESSION_TTL);
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO supervisor_sessions (token_sha256, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Sha256.hex(token));
                ps.setString(2, user);
                ps.setString(3, Timestamps.format(now));
                ps.setString(4, Timestamps.format(expires));
                ps.executeUpdate();
            }
            return AuditLog.append(tx, now, AUDIT_LOGIN, user, AuditLog.detail("source", from, "expiresAt", Timestamps.format(expires)));
        });
        return new LoginResult.LoggedIn(token, row.get().supervisor(), expires);
    }

    /** The account behind a live session token. */
    public Optional<Supervisor> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = now();
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT s.name, s.role, s.created_at, s.password_changed_at FROM supervisor_sessions t"
                            + " JOIN supervisors s ON s.name = t.user_name"
                            + " WHERE t.token_sha256 = ? AND t.ended_at IS NULL AND t.expires_at > ?")) {
                ps.setString(1, Sha256.hex(token));
                ps.setString(2, Timestamps.format(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(supervisor(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Ends a session; false if it was not live. */
    public boolean logout(String token, String source) {
        Instant now = now();
        return db.inTransaction(tx -> {
            String user;
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT user_name FROM supervisor_sessions WHERE token_sha256 = ? AND ended_at IS NULL AND expires_at > ?")) {
                ps.setString(1, Sha256.hex(token));
                ps.setString(2, Timestamps.format(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    user = rs.getString(1);
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE supervisor_sessions SET ended_at = ? WHERE token_sha256 = ?")) {
                ps.setString(1, Timestamps.format(now));
                ps.setString(2, Sha256.hex(token));
                ps.executeUpdate();
            }
            AuditLog.append(tx, now, AUDIT_LOGOUT, user, AuditLog.detail("source", source));
            return true;
        });
    }

    /**
     * Changes a user's own password after checking the current one; ends the user's other sessions.
     *
     * @throws IllegalArgumentException if the current password is wrong
     * @throws WeakPasswordException    if the new one does not follow the RUNT rule
     */
    public void changePassword(String name, String currentPassword, String newPassword, String keepToken) {
        Row row = db.read(tx -> row(tx, name)).orElseThrow(() -> new IllegalArgumentException("unknown user " + name));
        if (currentPassword == null || !hasher.matches(currentPassword, row.hash())) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        PasswordRule.check(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        String hash = hasher.hash(newPassword);
        Instant now = now();
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE supervisors SET password_hash = ?, password_changed_at = ? WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setString(2, Timestamps.format(now));
                ps.setString(3, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE supervisor_sessions SET ended_at = ? WHERE user_name = ? AND ended_at IS NULL AND token_sha256 <> ?")) {
                ps.setString(1, Timestamps.format(now));
                ps.setString(2, name);
                ps.setString(3, keepToken == null ? "" : Sha256.hex(keepToken));
                ps.executeUpdate();
            }
            return AuditLog.append(tx, now, AUDIT_PASSWORD_CHANGED, name, Map.of());
        });
    }

    private record Row(Supervisor supervisor, String hash) {
    }

    private static Optional<Row> row(Tx tx, String name) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT name, role, created_at, password_changed_at, password_hash FROM supervisors WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(supervisor(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        }
    }

    private static Optional<Supervisor> find(Tx tx, String name) throws SQLException {
        return row(tx, name).map(Row::supervisor);
    }

    private static Supervisor supervisor(ResultSet rs) throws SQLException {
        return new Supervisor(rs.getString("name"), Role.valueOf(rs.getString("role")),
                Timestamps.parse(rs.getString("created_at")), Timestamps.parse(rs.getString("password_changed_at")));
    }

    private static List<Instant> failures(Tx tx, String column, String value, Instant since) throws SQLException {
        // column is one of two constants, never input
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT at FROM login_failures WHERE " + column + " = ? AND at >= ?")) {
            ps.setString(1, value);
            ps.setString(2, Timestamps.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                List<Instant> at = new ArrayList<>();
                while (rs.next()) {
                    at.add(Timestamps.parse(rs.getString(1)));
                }
                return at;
            }
        }
    }

    /** A user name as the audit subject: non-empty, and not longer than a real one can be. */
    private static String auditName(String user) {
        return user.isEmpty() ? "-" : user;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }


    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
