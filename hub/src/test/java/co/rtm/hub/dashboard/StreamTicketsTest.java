package co.rtm.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreamTicketsTest {
    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-20T15:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
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

    @Test
    void aTicketIsSpentOnFirstUseAndNamesItsHolderAndSession() {
        StreamTickets tickets = new StreamTickets(new Hands());
        String t = tickets.issue("sup", "session-token");
        assertThat(t).hasSizeGreaterThanOrEqualTo(32);
        assertThat(tickets.redeem(t)).hasValueSatisfying(h -> {
            assertThat(h.user()).isEqualTo("sup");
            assertThat(h.sessionToken()).isEqualTo("session-token");
        });
        assertThat(tickets.redeem(t)).isEmpty();
        assertThat(tickets.redeem("made-up")).isEmpty();
        assertThat(tickets.redeem(null)).isEmpty();
    }

    @Test
    void aTicketExpiresAfterItsLifetime() {
        Hands clock = new Hands();
        StreamTickets tickets = new StreamTickets(clock);
        String late = tickets.issue("sup", "s");
        String onTime = tickets.issue("sup", "s");
        clock.now = clock.now.plus(StreamTickets.LIFETIME).minusMillis(1);
        assertThat(tickets.redeem(onTime)).isPresent();
        clock.now = clock.now.plusMillis(1);
        assertThat(tickets.redeem(late)).isEmpty();
    }
}
