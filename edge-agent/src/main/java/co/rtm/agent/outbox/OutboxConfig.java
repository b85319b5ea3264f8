package co.rtm.agent.outbox;

import java.time.Duration;

/**
 * Limits of the outbox.
 *
 * @param maxMessages       hard limit on stored rows (PENDING + SENT + REJECTED); append refuses beyond it
 * @param maxBytes          hard limit on the sum of stored payload sizes
 * @param reserveMessages   rows kept free for work already started: {@link Outbox#canStartNewInspection()}
 *                          says no when fewer than this remain, so an inspection that started can still
 *                          store its result and its events
 * @param reserveBytes      the same reserve, in payload bytes
 * @param minFreeDiskBytes  below this much usable space on the data dir's file system the outbox counts as full
 * @param ackedRetention    how long ACKED tombstones are kept; {@link Duration#ZERO} deletes them at once
 */
public record OutboxConfig(long maxMessages, long maxBytes, long reserveMessages, long reserveBytes,
                           long minFreeDiskBytes, Duration ackedRetention) {

    public OutboxConfig {
        if (maxMessages <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxMessages and maxBytes must be positive");
        }
        if (reserveMessages < 0 || reserveBytes < 0 || reserveMessages >= maxMessages || reserveBytes >= maxBytes) {
            throw new IllegalArgumentException("reserves must be non-negative and below the limits");
        }
        if (minFreeDiskBytes < 0 || ackedRetention == null || ackedRetention.isNegative()) {
            throw new IllegalArgumentException("minFreeDiskBytes and ackedRetention must be non-negative");
        }
    }

    /** 20,000 messages / 512 MiB, reserve 50 messages / 8 MiB, 64 MiB free disk, tombstones for 7 days. */
    public static OutboxConfig defaults() {
        return new OutboxConfig(20_000, 512L << 20, 50, 8L << 20, 64L << 20, Duration.ofDays(7));
    }

    public OutboxConfig withLimits(long maxMessages, long maxBytes, long reserveMessages, long reserveBytes) {
        return new OutboxConfig(maxMessages, maxBytes, reserveMessages, reserveBytes, minFreeDiskBytes, ackedRetention);
    }

    public OutboxConfig withAckedRetention(Duration retention) {
        return new OutboxConfig(maxMessages, maxBytes, reserveMessages, reserveBytes, minFreeDiskBytes, retention);
    }
}
