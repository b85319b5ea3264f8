package co.rtm.hub.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.ledger.Refusal;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Alerts and supervisor accounts against a real database: SQLite always, PostgreSQL when RTM_TEST_PG_URL is set. */
class AlertsLedgerTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void everyRefusalRaisesOneAlertAndAcknowledgingItIsAudited(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            new Registry(h.db(), Clock.systemUTC(), 1_000).createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
            Ledger ledger = new Ledger(h.db(), Clock.systemUTC());
            var refused = ledger.recordRefusal(new Refusal("m-1", "CDA-1", "lane-9", "t", "UNKNOWN_STATION", "no such lane", null));
            Alerts alerts = new Alerts(h.db(), Clock.systemUTC());
            List<Alert> open = alerts.list(true, 100, 0);
            assertThat(open).hasSize(1);
            Alert alert = open.get(0);
            assertThat(alert.kind()).isEqualTo("UNKNOWN_STATION");
            assertThat(alert.refusalId()).isEqualTo(refused.refusalId());
            assertThat(alert.stationId()).isEqualTo("lane-9");

            Alert acked = alerts.acknowledge(alert.id(), "sup", "lane not registered yet");
            assertThat(acked.ackedBy()).isEqualTo("sup");
            assertThat(acked.open()).isFalse();
            assertThat(alerts.list(true, 100, 0)).isEmpty();
            assertThat(alerts.list(false, 100, 0)).hasSize(1);
            assertThatThrownBy(() -> alerts.acknowledge(alert.id(), "sup", null)).isInstanceOf(IllegalStateException.class);
            var v = new LedgerVerifier(h.db()).verify();
            assertThat(v.report().ok()).as(v.problems().toString()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void accountsSessionsAndLockoutsLiveInTheDatabase(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Supervisors s = new Supervisors(h.db(), Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
            s.create("cli", "ana", Role.SUPERVISOR, "Sup3rvisor!x");
            assertThatThrownBy(() -> s.create("cli", "ana", Role.ADMIN, "Sup3rvisor!x")).isInstanceOf(IllegalStateException.class);
            LoginResult in = s.login("ana", "Sup3rvisor!x", "10.1.1.1");
            assertThat(in).isInstanceOf(LoginResult.LoggedIn.class);
            String token = ((LoginResult.LoggedIn) in).token();
            assertThat(s.authenticate(token)).map(Supervisor::role).contains(Role.SUPERVISOR);
            for (int i = 0; i < 5; i++) {
                assertThat(s.login("ana", "wrong", "10.1.1." + (10 + i))).isInstanceOf(LoginResult.Refused.class);
            }
            assertThat(s.login("ana", "Sup3rvisor!x", "10.1.1.99")).isInstanceOf(LoginResult.Locked.class);
            assertThat(s.logout(token, "10.1.1.1")).isTrue();
            assertThat(s.authenticate(token)).isEqualTo(Optional.empty());
            var v = new LedgerVerifier(h.db()).verify();
            assertThat(v.report().auditChainOk()).as(v.problems().toString()).isTrue();
        }
    }
}
