package co.rtm.hub.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases the storage tests run against: a SQLite file always, and PostgreSQL when
 * {@code RTM_TEST_PG_URL} names one (each test then gets a fresh schema, dropped afterwards).
 */
public final class TestDatabases {
    public static final String PG_ENV = "RTM_TEST_PG_URL";

    private TestDatabases() {
    }

    /** Argument source for {@code @ParameterizedTest @MethodSource}. */
    public static Stream<String> backends() {
        return Stream.of("sqlite", "postgresql");
    }

    /** A database handle that also cleans up its PostgreSQL schema. */
    public record Handle(Database db, String url, Runnable cleanup) implements AutoCloseable {
        /** Another hub instance on the same database. */
        public Database openAnother() {
            return Database.open(url);
        }

        @Override
        public void close() {
            db.close();
            cleanup.run();
        }
    }

    public static Handle open(String backend, Path dir) {
        if (backend.equals("sqlite")) {
            String url = Database.defaultUrl(dir);
            return new Handle(Database.openDefault(dir), url, () -> { });
        }
        String base = System.getenv(PG_ENV);
        if ((base == null || base.isBlank()) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(PG_ENV + " is not set under CI=true: .ci/run starts PostgreSQL and sets it");
        }
        assumeTrue(base != null && !base.isBlank(),
                PG_ENV + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/rtm?user=postgres): PostgreSQL run skipped");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Handle(Database.open(url), url, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
