package co.rtm.hub.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-use, short-lived tickets for the live feed's {@code EventSource}, which cannot send an Authorization header
 * (docs/dashboard.md). A logged-in client trades its bearer token for a ticket and puts the ticket, never the token,
 * in the stream's URL; the ticket is spent on first use and expires after {@link #LIFETIME}.
 */
public final class StreamTickets {
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final int MAX_OUTSTANDING = 10_000;

    /** Who the ticket was issued to: the session token is checked again while the stream is open. */
    public record Holder(String user, String sessionToken, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Holder> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    public StreamTickets(Clock clock) {
        this.clock = clock;
    }

    public String issue(String user, String sessionToken) {
        Instant now = clock.instant();
        if (tickets.size() >= MAX_OUTSTANDING) {
            tickets.values().removeIf(h -> !h.expires().isAfter(now));
        }
        byte[] b = new byte[24];
        random.nextBytes(b);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tickets.put(ticket, new Holder(user, sessionToken, now.plus(LIFETIME)));
        return ticket;
    }

    /** The holder of a valid ticket, which is spent; empty for an unknown, spent or expired one. */
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null) {
            return Optional.empty();
        }
        Holder h = tickets.remove(ticket);
        return h == null || !h.expires().isAfter(clock.instant()) ? Optional.empty() : Optional.of(h);
    }
}
