package co.rtm.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void sqliteRunsInWalWithFullSyncAndForeignKeys() {
        try (Database db = Database.openDefault(dir)) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(dir.resolve("hub.db")).exists();
            db.inTransaction(tx -> {
                assertThat(pragma(tx, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(tx, "synchronous")).isEqualTo("2"); // FULL
                assertThat(pragma(tx, "foreign_keys")).isEqualTo("1");
                assertThat(Integer.parseInt(pragma(tx, "busy_timeout"))).isPositive();
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void migratesOnceAndReopens(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            int applied = count(h.db(), "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE");
            try (Database again = h.openAnother()) {
                assertThat(count(again, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE")).isEqualTo(applied);
            }
            assertThat(applied).isGreaterThanOrEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void failedWorkIsRolledBack(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Database db = h.db();
            assertThatThrownBy(() -> db.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.executeUpdate("INSERT INTO counters (series, next_value) VALUES ('X', 5)");
                }
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(count(db, "SELECT COUNT(*) FROM counters")).isZero();
            // the connection is usable afterwards
            db.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    return s.executeUpdate("INSERT INTO counters (series, next_value) VALUES ('X', 5)");
                }
            });
            assertThat(count(db, "SELECT COUNT(*) FROM counters")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void auditLogRefusesUpdatesAndDeletes(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Database db = h.db();
            db.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    return s.executeUpdate("INSERT INTO audit_log (id, at, kind, subject, detail, prev_hash, hash)"
                            + " VALUES (1, 'a', 'k', 's', '{}', 'p', 'h')");
                }
            });
            assertThatThrownBy(() -> db.inTransaction(tx -> update(tx, "UPDATE audit_log SET detail = '{\"x\":1}'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.inTransaction(tx -> update(tx, "DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void rejectsUnknownUrls() {
        assertThatThrownBy(() -> Database.open("jdbc:h2:mem:x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int update(Tx tx, String sql) throws java.sql.SQLException {
        try (Statement s = tx.connection().createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static String pragma(Tx tx, String name) throws java.sql.SQLException {
        try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int count(Database db, String sql) {
        return db.read(tx -> {
            try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
