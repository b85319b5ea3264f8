package co.rtm.agent.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The station's durable queue of signed messages for the hub: one SQLite file
 * ({@value #FILE_NAME} in the station's data dir, WAL journal, {@code synchronous=FULL}), one table,
 * one state machine per row.
 *
 * <h2>Contract</h2>
 * <ol>
 * <li><b>What is stored.</b> {@link #append} allocates the message's {@link Stamp} (fresh messageId,
 *     the next per-station {@code seq}, {@code bootId}, {@code createdAt}), lets the caller seal
 *     (sign) the payload with it, and stores the row as {@link MessageState#PENDING}, all in one
 *     transaction. When {@code append} returns, the message is on disk and survives {@code kill -9}
 *     and power loss; this is the point of no loss. If it throws, nothing was stored.</li>
 * <li><b>Numbering.</b> {@code seq} comes from a counter row in the same file, incremented in the
 *     same transaction as the insert: it is strictly increasing, survives restarts, and is never
 *     reused. A crash before commit rolls back both, so the stored rows never have a seq that was
 *     handed out to a message that does not exist. A sealer that throws also rolls both back.</li>
 * <li><b>When it is confirmed.</b> {@link #markSent} (the broker's PUBACK) moves a row to
 *     {@link MessageState#SENT} and nothing more; a PUBACK never removes a row. Only the hub's
 *     verified ack does, through {@link #confirm}: ACCEPTED or DUPLICATE makes the row
 *     {@link MessageState#ACKED} (deleted, or kept as a payload-less tombstone with the ack details
 *     for {@link OutboxConfig#ackedRetention()}); REJECTED makes it {@link MessageState#REJECTED},
 *     kept with its payload and the hub's reason, listed by {@link #rejected()}, never deleted
 *     automatically (only by an operator through {@link #dismissRejected}). The first final answer
 *     stands; an ack for an unknown messageId changes nothing.</li>
 * <li><b>Resending.</b> {@link #nextToSend} returns PENDING rows, oldest seq first.
 *     {@link #requeueUnacked} puts SENT rows whose last PUBACK is older than the ack timeout back to
 *     PENDING, so they are published again; the hub de-duplicates on messageId.</li>
 * <li><b>When it is full.</b> PENDING, SENT and REJECTED rows count against
 *     {@link OutboxConfig#maxMessages()} and {@link OutboxConfig#maxBytes()}, and usable disk must
 *     stay above {@link OutboxConfig#minFreeDiskBytes()}. Past the limits {@code append} throws
 *     {@link OutboxFullException} saying why; within the reserve below the limits
 *     {@link #canStartNewInspection()} is false so the workflow does not start what it could not
 *     store. A stored message is never dropped to make room.</li>
 * </ol>
 * All methods are thread-safe (one connection, serialised); several processes on the same file are
 * safe too (writes take SQLite's write lock up front), though one agent per file is the intent.
 */
public final class Outbox implements AutoCloseable {

    /** The database file's name inside the station's data dir. */
    public static final String FILE_NAME = "outbox.db";

    private static final int SCHEMA_VERSION = 1;
    private static final String COLUMNS = "message_id, seq, topic, type, payload, created_at, attempts, "
            + "last_attempt_at, state, ack_status, ack_reason, fur_number, certificate_number, acked_at";
    private static final String COUNTED_STATES = "('PENDING','SENT','REJECTED')";

    private final Connection conn;
    private final Path dataDir;
    private final OutboxConfig config;
    private final Clock clock;

    private Outbox(Connection conn, Path dataDir, OutboxConfig config, Clock clock) {
        this.conn = conn;
        this.dataDir = dataDir;
        this.config = config;
        this.clock = clock;
    }

    /** Opens (creating if needed) the outbox in {@code dataDir}, stamping times in America/Bogota. */
    public static Outbox open(Path dataDir, OutboxConfig config) {
        return open(dataDir, config, Clock.system(ZoneId.of("America/Bogota")));
    }

    /** Opens (creating if needed) the outbox in {@code dataDir}; {@code clock} stamps createdAt and attempts. */
    public static Outbox open(Path dataDir, OutboxConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new OutboxException("cannot create data dir " + dataDir, e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(10_000);
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
        Connection conn = null;
        try {
            conn = sqlite.createConnection(url);
            conn.setAutoCommit(true); // transactions are explicit BEGIN IMMEDIATE ... COMMIT
            Outbox outbox = new Outbox(conn, dataDir, config, clock);
            outbox.migrate();
            return outbox;
        } catch (SQLException e) {
            closeQuietly(conn);
            throw new OutboxException("cannot open outbox " + url, e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new SQLException("outbox schema version " + version + " is newer than this agent ("
                            + SCHEMA_VERSION + ")");
                }
                st.execute("""
                        CREATE TABLE IF NOT EXISTS outbox_message (
                          message_id         TEXT    PRIMARY KEY,
                          seq                INTEGER NOT NULL UNIQUE,
                          topic              TEXT    NOT NULL,
                          type               TEXT    NOT NULL,
                          payload            BLOB,
                          payload_size       INTEGER NOT NULL,
                          created_at         INTEGER NOT NULL,
                          attempts           INTEGER NOT NULL DEFAULT 0,
                          last_attempt_at    INTEGER,
                          state              TEXT    NOT NULL
                                             CHECK (state IN ('PENDING','SENT','ACKED','REJECTED')),
                          ack_status         TEXT,
                          ack_reason         TEXT,
                          fur_number         TEXT,
                          certificate_number TEXT,
                          acked_at           INTEGER
                        )""");
                st.execute("CREATE INDEX IF NOT EXISTS outbox_message_state_seq ON outbox_message(state, seq)");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS outbox_counter (
                          name  TEXT    PRIMARY KEY,
                          value INTEGER NOT NULL
                        )""");
                st.execute("INSERT OR IGNORE INTO outbox_counter(name, value) VALUES ('seq', 0)");
                // Belt and braces: the counter can never be behind a stored row.
                st.execute("UPDATE outbox_counter SET value = max(value, "
                        + "(SELECT coalesce(max(seq), 0) FROM outbox_message)) WHERE name = 'seq'");
                st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                st.execute("COMMIT");
            } catch (SQLException e) {
                rollback(st);
                throw e;
            }
        }
    }

    /**
     * Stores a new message durably. Allocates its {@link Stamp}, calls {@code sealer} with it (inside
     * the transaction, so the seq it writes into the signed payload is the seq stored), inserts the
     * row as PENDING and commits with {@code synchronous=FULL}.
     *
     * @param topic  the MQTT topic it will be published on
     * @param type   the message type ({@code inspection}, {@code exam}, {@code track}, {@code event})
     * @param sealer builds the payload bytes (the signed envelope) from the stamp
     * @return the stamp the stored message carries
     * @throws OutboxFullException when storing it would exceed the configured limits or the disk is
     *                             full; nothing was stored, nothing was dropped
     * @throws OutboxException     when storage fails or the sealer throws; nothing was stored
     */
    public synchronized Stamp append(String topic, String type, Sealer sealer) throws OutboxFullException {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sealer, "sealer");
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                Usage usage = usage();
                if (usage.messages + 1 > config.maxMessages()) {
                    throw new OutboxFullException(full(usage, "no room for another message"));
                }
                long usable = usableDisk();
                if (usable < config.minFreeDiskBytes()) {
                    throw new OutboxFullException(full(usage, "the disk is almost full (" + mib(usable) + " free)"));
                }
                long seq = nextSeq();
                Stamp stamp = new Stamp(UUID.randomUUID(), seq, BootId.current(),
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
                byte[] payload;
                try {
                    payload = Objects.requireNonNull(sealer.seal(stamp), "sealer returned null");
                } catch (Exception e) {
                    throw new OutboxException("sealing message seq " + seq + " failed; nothing stored", e);
                }
                if (usage.bytes + payload.length > config.maxBytes()) {
                    throw new OutboxFullException(full(usage,
                            "no room for another " + payload.length + " bytes"));
                }
                insert(topic, type, stamp, payload);
                st.execute("COMMIT");
                return stamp;
            } catch (OutboxFullException | RuntimeException e) {
                rollback(st);
                throw e;
            } catch (SQLException e) {
                rollback(st);
                if (isDiskFull(e)) {
                    throw new OutboxFullException(full(usage(), "the disk is full"));
                }
                throw e;
            }
        } catch (SQLException e) {
            if (isDiskFull(e)) {
                throw new OutboxFullException(new Capacity.Full(-1, -1, refusal("the disk is full")));
            }
            throw new OutboxException("append failed; nothing stored", e);
        }
    }

    private long nextSeq() throws SQLException {
        try (PreparedStatement up = conn.prepareStatement(
                "UPDATE outbox_counter SET value = value + 1 WHERE name = 'seq'")) {
            up.executeUpdate();
        }
        try (PreparedStatement q = conn.prepareStatement("SELECT value FROM outbox_counter WHERE name = 'seq'");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("seq counter row is missing");
            }
            return rs.getLong(1);
        }
    }

    private void insert(String topic, String type, Stamp stamp, byte[] payload) throws SQLException {
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO outbox_message "
                + "(message_id, seq, topic, type, payload, payload_size, created_at, attempts, state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'PENDING')")) {
            ins.setString(1, stamp.messageId().toString());
            ins.setLong(2, stamp.seq());
            ins.setString(3, topic);
            ins.setString(4, type);
            ins.setBytes(5, payload);
            ins.setLong(6, payload.length);
            ins.setLong(7, stamp.createdAt().toInstant().toEpochMilli());
            ins.executeUpdate();
        }
    }

    /** Up to {@code limit} PENDING messages, oldest seq first. */
    public synchronized List<OutboxMessage> nextToSend(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return query("SELECT " + COLUMNS + " FROM outbox_message WHERE state = 'PENDING' ORDER BY seq LIMIT ?",
                limit);
    }

    /**
     * Records that the broker PUBACKed a publish of this message: PENDING or SENT becomes SENT,
     * attempts + 1, lastAttemptAt = now. A final row is left as it is (the hub's ack may overtake
     * the PUBACK callback).
     *
     * @return whether a row changed
     */
    public synchronized boolean markSent(UUID messageId) {
        return update("UPDATE outbox_message SET state = 'SENT', attempts = attempts + 1, last_attempt_at = ? "
                + "WHERE message_id = ? AND state IN ('PENDING','SENT')", now(), messageId.toString()) > 0;
    }

    /**
     * SENT messages whose last PUBACK is at least {@code ackTimeout} old go back to PENDING.
     *
     * @return how many rows were requeued
     */
    public synchronized int requeueUnacked(Duration ackTimeout) {
        return update("UPDATE outbox_message SET state = 'PENDING' WHERE state = 'SENT' AND last_attempt_at <= ?",
                now() - ackTimeout.toMillis());
    }

    /**
     * Applies the hub's verified ack. ACCEPTED/DUPLICATE: PENDING or SENT becomes ACKED (a tombstone
     * without payload, or deleted when the retention is zero). REJECTED: becomes REJECTED with the
     * hub's reason, payload kept. Final rows and unknown ids are left unchanged.
     */
    public synchronized ConfirmOutcome confirm(AckInfo ack) {
        Objects.requireNonNull(ack, "ack");
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                ConfirmOutcome outcome = confirmInTransaction(ack);
                st.execute("COMMIT");
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollback(st);
                throw e;
            }
        } catch (SQLException e) {
            throw new OutboxException("confirm of " + ack.messageId() + " failed; nothing changed", e);
        }
    }

    private ConfirmOutcome confirmInTransaction(AckInfo ack) throws SQLException {
        String id = ack.messageId().toString();
        MessageState current = null;
        try (PreparedStatement q = conn.prepareStatement("SELECT state FROM outbox_message WHERE message_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    current = MessageState.valueOf(rs.getString(1));
                }
            }
        }
        if (current == null) {
            return ConfirmOutcome.UNKNOWN;
        }
        if (current.isFinal()) {
            return ConfirmOutcome.ALREADY_FINAL;
        }
        long now = now();
        return switch (ack.status()) {
            case ACCEPTED, DUPLICATE -> {
                if (config.ackedRetention().isZero()) {
                    execute("DELETE FROM outbox_message WHERE message_id = ?", id);
                } else {
                    execute("UPDATE outbox_message SET state = 'ACKED', payload = NULL, payload_size = 0, "
                                    + "ack_status = ?, ack_reason = ?, fur_number = ?, certificate_number = ?, "
                                    + "acked_at = ? WHERE message_id = ?",
                            ack.status().name(), ack.reason(), ack.furNumber(), ack.certificateNumber(), now, id);
                    execute("DELETE FROM outbox_message WHERE state = 'ACKED' AND acked_at < ?",
                            now - config.ackedRetention().toMillis());
                }
                yield ConfirmOutcome.ACKED;
            }
            case REJECTED -> {
                execute("UPDATE outbox_message SET state = 'REJECTED', ack_status = ?, ack_reason = ?, "
                                + "fur_number = ?, certificate_number = ?, acked_at = ? WHERE message_id = ?",
                        ack.status().name(), ack.reason(), ack.furNumber(), ack.certificateNumber(), now, id);
                yield ConfirmOutcome.REJECTED;
            }
        };
    }

    /** The REJECTED messages, oldest seq first, with the hub's reasons. */
    public synchronized List<OutboxMessage> rejected() {
        return query("SELECT " + COLUMNS + " FROM outbox_message WHERE state = 'REJECTED' ORDER BY seq");
    }

    /** An operator's decision to drop one REJECTED message after dealing with it. @return whether it existed */
    public synchronized boolean dismissRejected(UUID messageId) {
        return update("DELETE FROM outbox_message WHERE message_id = ? AND state = 'REJECTED'",
                messageId.toString()) > 0;
    }

    /** One stored row (any state, including ACKED tombstones still retained). */
    public synchronized Optional<OutboxMessage> find(UUID messageId) {
        return query("SELECT " + COLUMNS + " FROM outbox_message WHERE message_id = ?", messageId.toString())
                .stream().findFirst();
    }

    /** Messages not yet answered by the hub (PENDING + SENT). */
    public synchronized long pendingCount() {
        return count("SELECT count(*) FROM outbox_message WHERE state IN ('PENDING','SENT')");
    }

    /** Messages in one state. */
    public synchronized long count(MessageState state) {
        return count("SELECT count(*) FROM outbox_message WHERE state = ?", state.name());
    }

    /** How full the outbox is, with the reason when it is not {@link Capacity.Available}. */
    public synchronized Capacity capacity() {
        Usage usage;
        try {
            usage = usage();
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox usage", e);
        }
        long usable = usableDisk();
        if (usage.messages >= config.maxMessages() || usage.bytes >= config.maxBytes()) {
            return full(usage, "it holds the maximum of " + config.maxMessages() + " messages / "
                    + mib(config.maxBytes()));
        }
        if (usable < config.minFreeDiskBytes()) {
            return full(usage, "the disk is almost full (" + mib(usable) + " free)");
        }
        long freeMessages = config.maxMessages() - usage.messages;
        long freeBytes = Math.min(config.maxBytes() - usage.bytes, usable - config.minFreeDiskBytes());
        if (freeMessages <= config.reserveMessages() || freeBytes <= config.reserveBytes()) {
            return new Capacity.ReserveOnly(usage.messages, usage.bytes, refusal(
                    "only the reserve for work already started is left (" + freeMessages + " messages / "
                            + mib(freeBytes) + ")"));
        }
        return new Capacity.Available(usage.messages, usage.bytes, freeMessages, freeBytes);
    }

    /** Rows of one message type that count against the limits (PENDING, SENT, REJECTED) and their payload bytes. */
    public record TypeUsage(long messages, long bytes) {
    }

    /** How much of the outbox messages of {@code type} take (e.g. {@code track}, which may only use a share). */
    public synchronized TypeUsage usageOf(String type) {
        try (PreparedStatement q = conn.prepareStatement("SELECT count(*), coalesce(sum(payload_size), 0) "
                + "FROM outbox_message WHERE type = ? AND state IN " + COUNTED_STATES)) {
            q.setString(1, type);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new TypeUsage(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox usage", e);
        }
    }

    public OutboxConfig config() {
        return config;
    }

    /** True only when the outbox has room beyond its reserve; ask before starting an inspection or exam. */
    public boolean canStartNewInspection() {
        return capacity() instanceof Capacity.Available;
    }

    @Override
    public synchronized void close() {
        closeQuietly(conn);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private record Usage(long messages, long bytes) {
    }

    private Usage usage() throws SQLException {
        try (PreparedStatement q = conn.prepareStatement("SELECT count(*), coalesce(sum(payload_size), 0) "
                + "FROM outbox_message WHERE state IN " + COUNTED_STATES);
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return new Usage(rs.getLong(1), rs.getLong(2));
        }
    }

    private Capacity.Full full(Usage usage, String why) {
        return new Capacity.Full(usage.messages, usage.bytes, refusal(why + "; " + usage.messages
                + " messages (" + mib(usage.bytes) + ") are stored waiting for the hub"));
    }

    private static String refusal(String why) {
        return "Outbox full: " + why + ". New inspections must not start until the hub acknowledges "
                + "stored results (check the connection to the hub); no stored result was dropped.";
    }

    private long usableDisk() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell; SQLITE_FULL still guards the real limit
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static boolean isDiskFull(SQLException e) {
        int code = e.getErrorCode() & 0xff; // extended codes keep the primary code in the low byte
        return code == SQLiteErrorCode.SQLITE_FULL.code;
    }

    private long now() {
        return clock.millis();
    }

    private List<OutboxMessage> query(String sql, Object... args) {
        try (PreparedStatement q = conn.prepareStatement(sql)) {
            bind(q, args);
            List<OutboxMessage> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException("outbox query failed", e);
        }
    }

    private long count(String sql, Object... args) {
        try (PreparedStatement q = conn.prepareStatement(sql)) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new OutboxException("outbox count failed", e);
        }
    }

    private int update(String sql, Object... args) {
        try {
            return execute(sql, args);
        } catch (SQLException e) {
            throw new OutboxException("outbox update failed", e);
        }
    }

    private int execute(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private static OutboxMessage row(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes("payload");
        String ackStatus = rs.getString("ack_status");
        return new OutboxMessage(
                UUID.fromString(rs.getString("message_id")),
                rs.getLong("seq"),
                rs.getString("topic"),
                rs.getString("type"),
                payload == null ? new byte[0] : payload,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("attempts"),
                instantOrNull(rs, "last_attempt_at"),
                MessageState.valueOf(rs.getString("state")),
                ackStatus == null ? null : AckInfo.Status.valueOf(ackStatus),
                rs.getString("ack_reason"),
                rs.getString("fur_number"),
                rs.getString("certificate_number"),
                instantOrNull(rs, "acked_at"));
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction open (SQLite may already have rolled back on a fatal error)
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }
}
