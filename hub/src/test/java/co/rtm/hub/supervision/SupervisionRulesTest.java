package co.rtm.hub.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules: the RUNT password rule, login lockout arithmetic, Argon2id hashes. */
class SupervisionRulesTest {
    private static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void passwordRuleNamesEverythingMissing() {
        assertThat(PasswordRule.missing("Abcdefgh1!")).isEmpty();
        assertThat(PasswordRule.missing("Ab1!")).containsExactly("at least 10 characters");
        assertThat(PasswordRule.missing("abcdefgh1!")).containsExactly("an upper-case letter");
        assertThat(PasswordRule.missing("Abcdefghi!")).containsExactly("a digit");
        assertThat(PasswordRule.missing("Abcdefghi1")).containsExactly("a special character");
        assertThat(PasswordRule.missing("Ñandú-2026x")).isEmpty();
        assertThat(PasswordRule.missing("")).hasSize(4);
        assertThatThrownBy(() -> PasswordRule.check("short")).isInstanceOf(WeakPasswordException.class)
                .hasMessage("password does not follow the RUNT rule: it needs at least 10 characters, an upper-case letter, "
                        + "a digit, a special character");
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockForFifteenMinutesFromTheLast() {
        List<Instant> four = List.of(T, T.plusSeconds(60), T.plusSeconds(120), T.plusSeconds(180));
        assertThat(LoginThrottle.lockedUntil(four, T.plusSeconds(200))).isEmpty();
        List<Instant> five = List.of(T, T.plusSeconds(60), T.plusSeconds(120), T.plusSeconds(180), T.plusSeconds(240));
        Instant until = T.plusSeconds(240).plus(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockedUntil(five, T.plusSeconds(250))).contains(until);
        assertThat(LoginThrottle.lockedUntil(five, until.minusSeconds(1))).contains(until);
        assertThat(LoginThrottle.lockedUntil(five, until)).isEmpty();
        // five failures spread over more than 15 minutes do not lock
        List<Instant> spread = List.of(T, T.plusSeconds(300), T.plusSeconds(600), T.plusSeconds(800), T.plusSeconds(901));
        assertThat(LoginThrottle.lockedUntil(spread, T.plusSeconds(902))).isEmpty();
    }

    @Test
    void argon2idHashesCarryTheirParametersAndSaltAndCheckTheRightPasswordOnly() {
        Argon2Hasher hasher = new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1));
        String h1 = hasher.hash("Sup3rvisor!x");
        String h2 = hasher.hash("Sup3rvisor!x");
        assertThat(h1).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(h2);
        assertThat(hasher.matches("Sup3rvisor!x", h1)).isTrue();
        assertThat(hasher.matches("Sup3rvisor!y", h1)).isFalse();
        assertThat(hasher.matches("Sup3rvisor!x", "pbkdf2-sha256$1$aa$bb")).isFalse();
        // a hasher with other defaults still checks a stored hash by the hash's own parameters
        assertThat(new Argon2Hasher(new Argon2Hasher.Params(2048, 2, 1)).matches("Sup3rvisor!x", h1)).isTrue();
    }

    @Test
    void rolesDecideWhoAcknowledgesAndWhoManagesAccounts() {
        assertThat(Role.parse("Auditor").mayAcknowledge()).isFalse();
        assertThat(Role.parse("supervisor").mayAcknowledge()).isTrue();
        assertThat(Role.parse("supervisor").mayManageUsers()).isFalse();
        assertThat(Role.parse("admin").mayManageUsers()).isTrue();
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("supervisor, auditor or admin");
    }
}
