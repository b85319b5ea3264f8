package co.rtm.hub.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Login rate limiting, without I/O: {@value #MAX_FAILURES} failed logins for one user name, or from one source
 * address, within {@link #WINDOW} lock that user name (or address) out for {@link #LOCKOUT} from the last of them.
 * Refused attempts during a lockout are not failures (the password is not even checked), so a lockout ends on time.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** How far back failures can matter: a lockout starts within a window and lasts {@link #LOCKOUT}. */
    public static final Duration LOOKBACK = WINDOW.plus(LOCKOUT);

    private LoginThrottle() {
    }

    /**
     * Until when logins are refused, given the failure times (any order) of one user name or one address, or empty
     * when they are not.
     */
    public static Optional<Instant> lockedUntil(List<Instant> failures, Instant now) {
        List<Instant> sorted = failures.stream().sorted().toList();
        Instant until = null;
        for (int i = MAX_FAILURES - 1; i < sorted.size(); i++) {
            Instant first = sorted.get(i - MAX_FAILURES + 1);
            Instant last = sorted.get(i);
            if (Duration.between(first, last).compareTo(WINDOW) <= 0) {
                Instant end = last.plus(LOCKOUT);
                if (until == null || end.isAfter(until)) {
                    until = end;
                }
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
