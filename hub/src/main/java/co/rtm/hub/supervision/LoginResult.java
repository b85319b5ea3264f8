package co.rtm.hub.supervision;

import java.time.Instant;

/** What a login attempt came to. */
public sealed interface LoginResult {
    /** Logged in: {@code token} goes in {@code Authorization: Bearer}; only its hash is stored. */
    record LoggedIn(String token, Supervisor user, Instant expiresAt) implements LoginResult {
    }

    /** Wrong user name or password (which of the two is not said). */
    record Refused() implements LoginResult {
    }

    /** Too many failures for this user name or from this address; the password was not checked. */
    record Locked(Instant until) implements LoginResult {
    }
}
