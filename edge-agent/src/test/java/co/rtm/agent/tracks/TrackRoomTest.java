package co.rtm.agent.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.agent.outbox.Capacity;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackRoomTest {
    // 100 messages / 100,000 bytes, reserve 10 / 10,000
    static final OutboxConfig CONFIG = new OutboxConfig(100, 100_000, 10, 10_000, 0, Duration.ZERO);
    final TrackRoom room = new TrackRoom(0.25);

    static Capacity available(long stored, long bytes) {
        return new Capacity.Available(stored, bytes, 100 - stored, 100_000 - bytes);
    }

    @Test
    void tracksStopAtTheirShareOfMessagesAndBytes() {
        assertThat(room.allows(available(30, 0), new Outbox.TypeUsage(24, 0), CONFIG, 100)).isTrue();
        assertThat(room.allows(available(30, 0), new Outbox.TypeUsage(25, 0), CONFIG, 100)).isFalse();
        assertThat(room.allows(available(30, 24_900), new Outbox.TypeUsage(1, 24_900), CONFIG, 100)).isTrue();
        assertThat(room.allows(available(30, 24_901), new Outbox.TypeUsage(1, 24_901), CONFIG, 100)).isFalse();
    }

    @Test
    void aBatchNeverEatsIntoTheReserveNorGoesInWhenOnlyTheReserveIsLeft() {
        // 11 free: after this batch 10 are left, which is only the reserve: refused
        assertThat(room.allows(available(89, 0), new Outbox.TypeUsage(0, 0), CONFIG, 100)).isFalse();
        assertThat(room.allows(available(88, 0), new Outbox.TypeUsage(0, 0), CONFIG, 100)).isTrue();
        assertThat(room.allows(available(0, 89_901), new Outbox.TypeUsage(0, 0), CONFIG, 100)).isFalse();
        assertThat(room.allows(new Capacity.ReserveOnly(91, 0, "x"), new Outbox.TypeUsage(0, 0), CONFIG, 1)).isFalse();
        assertThat(room.allows(new Capacity.Full(100, 0, "x"), new Outbox.TypeUsage(0, 0), CONFIG, 1)).isFalse();
    }
}
