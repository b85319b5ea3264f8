package co.rtm.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final String TOPIC = "runt/v1/CDA1/LANE1/inspection";
    private static final OutboxConfig SMALL = OutboxConfig.defaults().withLimits(1_000, 10L << 20, 2, 1024);

    @TempDir
    Path dir;

    /** A stand-in for the signer: writes the stamp into the payload, as the real envelope does. */
    private static Sealer body(String text) {
        return stamp -> (stamp.messageId() + "|" + stamp.seq() + "|" + stamp.bootId() + "|" + text)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Stamp append(Outbox outbox, String text) {
        try {
            return outbox.append(TOPIC, "inspection", body(text));
        } catch (OutboxFullException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void appendedMessageSurvivesCloseAndReopen() {
        Stamp stamp;
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            stamp = append(outbox, "first");
        }
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            List<OutboxMessage> next = outbox.nextToSend(10);
            assertThat(next).hasSize(1);
            OutboxMessage m = next.get(0);
            assertThat(m.messageId()).isEqualTo(stamp.messageId());
            assertThat(m.seq()).isEqualTo(stamp.seq());
            assertThat(m.topic()).isEqualTo(TOPIC);
            assertThat(m.type()).isEqualTo("inspection");
            assertThat(m.state()).isEqualTo(MessageState.PENDING);
            assertThat(m.createdAt()).isEqualTo(stamp.createdAt().toInstant());
            assertThat(new String(m.payload(), StandardCharsets.UTF_8))
                    .isEqualTo(stamp.messageId() + "|" + stamp.seq() + "|" + BootId.current() + "|first");
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void seqIsStrictlyIncreasingAcrossReopenEvenWhenEverythingWasAcked() {
        List<Long> seqs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (Outbox outbox = Outbox.open(dir, SMALL.withAckedRetention(Duration.ZERO))) {
                for (int i = 0; i < 5; i++) {
                    Stamp s = append(outbox, "r" + round + "m" + i);
                    seqs.add(s.seq());
                    // delete the row: the counter, not max(seq), must carry the numbering
                    assertThat(outbox.confirm(new AckInfo(s.messageId(), AckInfo.Status.ACCEPTED, null, "F" + i, null)))
                            .isEqualTo(ConfirmOutcome.ACKED);
                }
                assertThat(outbox.pendingCount()).isZero();
            }
        }
        assertThat(seqs).hasSize(15).isSorted().doesNotHaveDuplicates();
        assertThat(seqs.get(0)).isEqualTo(1);
        assertThat(seqs.get(14)).isEqualTo(15);
    }

    @Test
    void sealerFailureStoresNothingAndDoesNotConsumeTheSeq() throws Exception {
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            Stamp a = append(outbox, "a");
            assertThatThrownBy(() -> outbox.append(TOPIC, "inspection", s -> {
                throw new IllegalStateException("signing key unavailable");
            })).isInstanceOf(OutboxException.class).hasRootCauseMessage("signing key unavailable");
            Stamp b = append(outbox, "b");
            assertThat(b.seq()).isEqualTo(a.seq() + 1);
            assertThat(outbox.pendingCount()).isEqualTo(2);
        }
    }

    @Test
    void fullOutboxRefusesAppendSaysWhyAndKeepsEveryStoredRow() throws Exception {
        OutboxConfig fiveRows = OutboxConfig.defaults().withLimits(5, 10L << 20, 2, 10);
        try (Outbox outbox = Outbox.open(dir, fiveRows)) {
            List<UUID> stored = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                stored.add(append(outbox, "m" + i).messageId());
            }
            assertThat(outbox.canStartNewInspection()).isFalse(); // 2 free = the reserve
            assertThat(outbox.capacity()).isInstanceOfSatisfying(Capacity.ReserveOnly.class,
                    c -> assertThat(c.reason()).contains("New inspections must not start"));
            // work already started can still store its result
            stored.add(append(outbox, "m3").messageId());
            stored.add(append(outbox, "m4").messageId());

            assertThatThrownBy(() -> outbox.append(TOPIC, "inspection", body("one too many")))
                    .isInstanceOfSatisfying(OutboxFullException.class, e -> {
                        assertThat(e.getMessage()).startsWith("Outbox full").contains("5 messages")
                                .contains("New inspections must not start");
                        assertThat(e.capacity().storedMessages()).isEqualTo(5);
                    });
            assertThat(outbox.capacity()).isInstanceOf(Capacity.Full.class);
            assertThat(outbox.canStartNewInspection()).isFalse();
            assertThat(outbox.nextToSend(100)).extracting(OutboxMessage::messageId).containsExactlyElementsOf(stored);

            // the refused append consumed no seq; acking one frees room
            outbox.confirm(new AckInfo(stored.get(0), AckInfo.Status.ACCEPTED, null, null, null));
            assertThat(append(outbox, "after").seq()).isEqualTo(6);
        }
    }

    @Test
    void byteLimitRefusesTooLargePayload() throws Exception {
        OutboxConfig tiny = OutboxConfig.defaults().withLimits(100, 200, 1, 10);
        try (Outbox outbox = Outbox.open(dir, tiny)) {
            append(outbox, "small");
            assertThatThrownBy(() -> outbox.append(TOPIC, "inspection", s -> new byte[190]))
                    .isInstanceOf(OutboxFullException.class).hasMessageContaining("190 bytes");
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void rejectedStaysWithItsReasonAcrossReopenAndCountsAgainstCapacity() {
        UUID id;
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            id = append(outbox, "bad").messageId();
            outbox.markSent(id);
            assertThat(outbox.confirm(new AckInfo(id, AckInfo.Status.REJECTED, "CAPACITY_EXCEEDED", null, null)))
                    .isEqualTo(ConfirmOutcome.REJECTED);
            // a later ACCEPTED (should not happen) does not overwrite the first final answer
            assertThat(outbox.confirm(new AckInfo(id, AckInfo.Status.ACCEPTED, null, null, null)))
                    .isEqualTo(ConfirmOutcome.ALREADY_FINAL);
        }
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            assertThat(outbox.rejected()).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(id);
                assertThat(m.state()).isEqualTo(MessageState.REJECTED);
                assertThat(m.ackReason()).isEqualTo("CAPACITY_EXCEEDED");
                assertThat(m.payload()).isNotEmpty();
            });
            assertThat(outbox.nextToSend(10)).isEmpty();
            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.capacity().storedMessages()).isEqualTo(1);
            outbox.requeueUnacked(Duration.ZERO);
            assertThat(outbox.rejected()).hasSize(1);
            assertThat(outbox.dismissRejected(id)).isTrue();
            assertThat(outbox.rejected()).isEmpty();
        }
    }

    @Test
    void confirmOfUnknownMessageIdIsHarmless() {
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            Stamp s = append(outbox, "x");
            for (AckInfo.Status status : AckInfo.Status.values()) {
                assertThat(outbox.confirm(new AckInfo(UUID.randomUUID(), status, "WHATEVER", null, null)))
                        .isEqualTo(ConfirmOutcome.UNKNOWN);
            }
            assertThat(outbox.nextToSend(10)).extracting(OutboxMessage::messageId).containsExactly(s.messageId());
            assertThat(outbox.rejected()).isEmpty();
        }
    }

    @Test
    void pubackAloneNeverRemovesARowAndUnackedSentGoesBackToPending() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
        try (Outbox outbox = Outbox.open(dir, SMALL, clock)) {
            Stamp a = append(outbox, "a");
            Stamp b = append(outbox, "b");
            assertThat(outbox.markSent(a.messageId())).isTrue();
            assertThat(outbox.nextToSend(10)).extracting(OutboxMessage::messageId).containsExactly(b.messageId());
            assertThat(outbox.find(a.messageId())).get().satisfies(m -> {
                assertThat(m.state()).isEqualTo(MessageState.SENT);
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.lastAttemptAt()).isEqualTo(clock.instant());
            });

            clock.advance(Duration.ofSeconds(29));
            assertThat(outbox.requeueUnacked(Duration.ofSeconds(30))).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(outbox.requeueUnacked(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(outbox.nextToSend(10)).extracting(OutboxMessage::messageId)
                    .containsExactly(a.messageId(), b.messageId()); // oldest seq first
            outbox.markSent(a.messageId());
            assertThat(outbox.find(a.messageId())).get().extracting(OutboxMessage::attempts).isEqualTo(2);

            assertThat(outbox.confirm(new AckInfo(a.messageId(), AckInfo.Status.DUPLICATE, null, "F-1", "C-9")))
                    .isEqualTo(ConfirmOutcome.ACKED);
            assertThat(outbox.find(a.messageId())).get().satisfies(m -> { // tombstone
                assertThat(m.state()).isEqualTo(MessageState.ACKED);
                assertThat(m.payload()).isEmpty();
                assertThat(m.furNumber()).isEqualTo("F-1");
                assertThat(m.certificateNumber()).isEqualTo("C-9");
            });
            assertThat(outbox.markSent(a.messageId())).isFalse(); // a late PUBACK does not revive it
            assertThat(outbox.pendingCount()).isEqualTo(1);

            // tombstones expire after the retention, on the next confirm
            clock.advance(Duration.ofDays(8));
            outbox.confirm(new AckInfo(b.messageId(), AckInfo.Status.ACCEPTED, null, null, null));
            assertThat(outbox.find(a.messageId())).isEmpty();
            assertThat(outbox.find(b.messageId())).isPresent();
        }
    }

    @Test
    void concurrentAppendsFromTwoThreadsAndTwoConnectionsGetUniqueSeqs() throws Exception {
        int perThread = 200;
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Outbox shared = Outbox.open(dir, SMALL); Outbox second = Outbox.open(dir, SMALL)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Outbox o : List.of(shared, shared, second)) { // 2 threads on one object, 1 on another connection
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        assertThat(seqs.add(o.append(TOPIC, "event", body("c" + i)).seq())).isTrue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(seqs).hasSize(3 * perThread);
            assertThat(shared.pendingCount()).isEqualTo(3 * perThread);
            List<OutboxMessage> all = shared.nextToSend(10_000);
            assertThat(all).extracting(OutboxMessage::seq).isSorted().doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(seqs);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fileIsInWalModeInTheDataDir() throws Exception {
        try (Outbox outbox = Outbox.open(dir, SMALL)) {
            append(outbox, "x");
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Outbox.FILE_NAME));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void bootIdIsStableWithinTheProcess() {
        assertThat(BootId.current()).isEqualTo(BootId.current()).isNotNull();
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(-5);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
