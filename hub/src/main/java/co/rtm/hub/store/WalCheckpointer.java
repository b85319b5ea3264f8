package co.rtm.hub.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the SQLite write-ahead log back into the database file on a thread of its own, every
 * {@value #PERIOD_MS} ms ({@code PRAGMA wal_checkpoint(PASSIVE)}: it never waits for the writer or the readers).
 *
 * <p>Left to SQLite, the connection whose commit crosses the auto-checkpoint size does the checkpoint (page copies
 * and the database file's fsync) inside that commit, and on the hub that is the single ingestion committer. The
 * writer keeps a large auto-checkpoint size as a safety net in case this thread falls behind.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    static final int PERIOD_MS = 250;

    private final Connection connection;
    private final ScheduledExecutorService timer;

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rtm-sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    static WalCheckpointer start(String jdbcUrl) {
        try {
            return new WalCheckpointer(DriverManager.getConnection(jdbcUrl));
        } catch (SQLException e) {
            throw new StoreException("cannot open " + jdbcUrl + " for checkpoints: " + e.getMessage(), e);
        }
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.debug("checkpoint found the database busy");
            }
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint failed (the writer's own auto-checkpoint still bounds the log): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the checkpoint connection: {}", e.getMessage());
        }
    }
}
