package co.rtm.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: a connection pool over SQLite (default) or PostgreSQL, migrated by Flyway
 * on open, with one way to run work in a transaction.
 *
 * <p>SQLite: one writer connection (writes are serialised in the pool, and {@code BEGIN IMMEDIATE}
 * takes the database write lock up front, so a second process never deadlocks on a lock upgrade),
 * a few reader connections that see consistent WAL snapshots, WAL journal, {@code synchronous=FULL}
 * (a commit survives power loss), a busy timeout and foreign keys on.
 *
 * <p>PostgreSQL: one pool, READ COMMITTED; callers lock the rows they serialise on with
 * {@link Dialect#forUpdate()}; serialisation failures and deadlocks are retried.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final int MAX_ATTEMPTS = 5;
    private static final int WAL_SAFETY_PAGES = 20_000;
    private static final long MMAP_BYTES = 256L << 20;
    private static final int CACHE_KIB = 32 << 10;

    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final WalCheckpointer checkpointer;
    private final StatementCache statements = new StatementCache();

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, WalCheckpointer checkpointer) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.checkpointer = checkpointer;
    }

    /** {@code jdbc:sqlite:<dataDir>/hub.db}. */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("hub.db").toAbsolutePath();
    }

    /** Opens (creating if needed) the default SQLite database in {@code dataDir}. */
    public static Database openDefault(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(defaultUrl(dataDir));
    }

    /** Opens a database by JDBC URL and brings its schema up to date. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        migrate(jdbcUrl, dialect);
        return switch (dialect) {
            case SQLITE -> {
                HikariDataSource writer = new HikariDataSource(sqliteConfig(jdbcUrl, "rtm-sqlite-writer", 1, false));
                HikariDataSource reader = null;
                try {
                    reader = new HikariDataSource(sqliteConfig(jdbcUrl, "rtm-sqlite-reader", 4, true));
                    yield new Database(dialect, writer, reader, WalCheckpointer.start(jdbcUrl));
                } catch (RuntimeException e) {
                    if (reader != null) {
                        reader.close();
                    }
                    writer.close();
                    throw e;
                }
            }
            case POSTGRESQL -> {
                HikariConfig config = new HikariConfig();
                config.setPoolName("rtm-postgresql");
                config.setJdbcUrl(jdbcUrl);
                config.setMaximumPoolSize(10);
                config.setAutoCommit(false);
                config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                HikariDataSource pool = new HikariDataSource(config);
                yield new Database(dialect, pool, pool, null);
            }
        };
    }

    private static HikariConfig sqliteConfig(String jdbcUrl, String name, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(readOnly ? 0 : 1);
        // transactions are begun and ended by explicit statements (see inTransaction)
        config.setAutoCommit(true);
        config.setConnectionTimeout(120_000);
        if (!readOnly) {
            config.addDataSourceProperty("journal_mode", "WAL");
            // WalCheckpointer checkpoints off the commit path; this only bounds the log if it falls behind
            config.addDataSourceProperty("wal_autocheckpoint", String.valueOf(WAL_SAFETY_PAGES));
        }
        config.addDataSourceProperty("synchronous", "FULL");
        // pages read through a mapping and kept in a larger cache, not one pread() per B-tree page per transaction
        config.addDataSourceProperty("mmap_size", String.valueOf(MMAP_BYTES));
        config.addDataSourceProperty("cache_size", String.valueOf(-CACHE_KIB));
        // statement journals in memory: an INSERT that may fail a UNIQUE check inside the batch's transaction keeps
        // a copy of every page it changes, and in a /var/tmp file that doubled the bytes each commit wrote
        config.addDataSourceProperty("temp_store", "MEMORY");
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
        config.addDataSourceProperty("foreign_keys", "true");
        if (readOnly) {
            config.addDataSourceProperty("query_only", "true");
        }
        return config;
    }

    private static void migrate(String jdbcUrl, Dialect dialect) {
        // Flyway gets its own unpooled connections: it may want more than the single SQLite writer
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one write transaction and commits it; rolls back if it throws. On
     * SQLite the transaction starts with {@code BEGIN IMMEDIATE}.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return run(writer, work, false);
    }

    /**
     * Runs {@code work} in a read transaction that sees one consistent snapshot (a deferred
     * {@code BEGIN} in WAL mode on SQLite, REPEATABLE READ on PostgreSQL). Nothing is committed.
     */
    public <T> T read(SqlWork<T> work) {
        return run(reader, work, true);
    }

    private <T> T run(HikariDataSource pool, SqlWork<T> work, boolean readOnly) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(pool, work, readOnly);
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && retryable(e)) {
                    log.debug("retrying transaction after {} (attempt {})", e.getSQLState(), attempt);
                    continue;
                }
                throw new StoreException("transaction failed: " + e.getMessage(), e);
            }
        }
    }

    private <T> T once(HikariDataSource pool, SqlWork<T> work, boolean readOnly) throws SQLException {
        try (Connection c = pool.getConnection()) {
            begin(c, readOnly);
            boolean done = false;
            try {
                // the SQLite writer keeps its statements compiled: every ingestion commit goes through it
                Connection statementsOn = dialect == Dialect.SQLITE && !readOnly ? statements.wrap(c) : c;
                T result = work.run(new Tx(statementsOn, dialect));
                if (readOnly) {
                    end(c, "ROLLBACK");
                } else {
                    end(c, "COMMIT");
                }
                done = true;
                return result;
            } finally {
                if (!done) {
                    rollbackQuietly(pool, c);
                }
            }
        }
    }

    private void begin(Connection c, boolean readOnly) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute(readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
            }
        } else if (readOnly) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    private void end(Connection c, String how) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute(how);
            }
        } else if (how.equals("COMMIT")) {
            c.commit();
        } else {
            c.rollback();
        }
    }

    private void rollbackQuietly(HikariDataSource pool, Connection c) {
        try {
            end(c, "ROLLBACK");
        } catch (SQLException e) {
            // the connection is in an unknown state: do not hand it out again
            log.warn("rollback failed, evicting connection: {}", e.getMessage());
            pool.evictConnection(c);
        }
    }

    private boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
