package co.rtm.agent.login;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is logged in on this lane, kept in {@value #FILE_NAME} in the station's data directory so a restart
 * remembers it (table {@code logged_in}: document, since). Read once at open and kept in memory; every change is
 * committed before the method returns. Thread-safe.
 */
public final class LoginStore implements AutoCloseable {

    public static final String FILE_NAME = "logins.db";

    private final Connection conn;
    private final Map<String, Instant> loggedIn = new LinkedHashMap<>();

    private LoginStore(Connection conn) throws SQLException {
        this.conn = conn;
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS logged_in (document TEXT PRIMARY KEY, since INTEGER NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT document, since FROM logged_in ORDER BY since")) {
                while (rs.next()) {
                    loggedIn.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
    }

    /** Opens (creating) the store in {@code dataDir}. */
    public static LoginStore open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try {
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME),
                    config.toProperties());
            try {
                return new LoginStore(conn);
            } catch (SQLException e) {
                conn.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot open " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Documents logged in now, with when each logged in, earliest first. */
    public synchronized Map<String, Instant> loggedIn() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(loggedIn));
    }

    public synchronized boolean isLoggedIn(String document) {
        return loggedIn.containsKey(document);
    }

    public synchronized boolean anyoneLoggedIn() {
        return !loggedIn.isEmpty();
    }

    public synchronized void login(String document, Instant at) throws IOException {
        update("INSERT OR REPLACE INTO logged_in(document, since) VALUES (?, ?)", document, at.toEpochMilli());
        loggedIn.put(document, at);
    }

    public synchronized void logout(String document) throws IOException {
        update("DELETE FROM logged_in WHERE document = ?", document, null);
        loggedIn.remove(document);
    }

    private void update(String sql, String document, Long at) throws IOException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, document);
            if (at != null) {
                ps.setLong(2, at);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot record the login state of " + document + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
