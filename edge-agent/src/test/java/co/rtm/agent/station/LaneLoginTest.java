package co.rtm.agent.station;

import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.fingerprint.FileDropFingerprintReader;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.login.InspectorsFile;
import co.rtm.agent.login.LaneLogin;
import co.rtm.agent.login.LaneLogin.Outcome;
import co.rtm.agent.login.LoginGate;
import co.rtm.agent.login.LoginStore;
import co.rtm.agent.login.Prints;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.LoginEvents;
import co.rtm.profiles.wire.StationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane's biometric login against a real station agent (outbox in a temp dir; the hub unreachable, so every
 * event stays PENDING in the outbox where the test reads it back and checks its signature).
 */
class LaneLoginTest {

    private static final String ANA = "CC-79123456";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final TestStation station = TestStation.create("tcp://127.0.0.1:9");
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final LaneDisplay display = new LaneDisplay() {
        @Override
        public void prompt(String plate, TestKind test, String text) {
        }

        @Override
        public void finished(String plate, TestKind test, String outcome) {
        }

        @Override
        public void notice(String text) {
            shown.add(text);
        }
    };
    private LaneDevice device;
    private StationAgent agent;
    private LoginStore store;

    @BeforeEach
    void setUp() throws Exception {
        device = new LaneDevice();
    }

    @AfterEach
    void tearDown() throws Exception {
        stop();
        device.close();
    }

    private LaneLogin start(InspectorsFile inspectors, boolean requireLogin) throws Exception {
        store = LoginStore.open(dir.resolve("data"));
        agent = StationAgent.start(station.bundle(), dir.resolve("data"), new TcpLaneFeed("127.0.0.1", device.port()),
                AgentOptions.defaults().withMaxBackoff(Duration.ofSeconds(1)),
                requireLogin ? new LoginGate(store, display) : StartGate.OPEN);
        return new LaneLogin(inspectors, store, agent::publishEvent, display);
    }

    private void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The events stored in the outbox, each checked as signed by this station. */
    private List<StationEvent> eventsInOutbox() throws Exception {
        stop();
        List<StationEvent> events = new ArrayList<>();
        try (Outbox outbox = Outbox.open(dir.resolve("data"), OutboxConfig.defaults())) {
            for (OutboxMessage m : outbox.nextToSend(100)) {
                if (!m.type().equals("event")) {
                    continue;
                }
                Envelope e = Envelope.parse(m.payload());
                assertThat(e.verify(station.stationKey().verificationKey())).as("signed by the station").isTrue();
                assertThat(m.topic()).isEqualTo("runt/v1/" + TestStation.CENTER + "/" + TestStation.STATION + "/event");
                events.add(Json.read(e.payload(), StationEvent.class));
            }
        }
        return events;
    }

    @Test
    void aGenuineCaptureLogsInAndASecondOneLogsOut() throws Exception {
        LaneLogin login = start(Prints.anaAndLuis(), false);

        assertThat(login.capture(Prints.template(Prints.PERSON1_AGAIN))).isEqualTo(new Outcome.LoggedIn(ANA));
        assertThat(store.loggedIn()).containsOnlyKeys(ANA);
        assertThat(login.capture(Prints.template(Prints.PERSON1))).isEqualTo(new Outcome.LoggedOut(ANA));
        assertThat(store.anyoneLoggedIn()).isFalse();
        assertThat(shown).containsExactly("Sesión iniciada: Ana Pérez (CC-79123456)",
                "Sesión cerrada: Ana Pérez (CC-79123456)");

        List<StationEvent> events = eventsInOutbox();
        assertThat(events).extracting(StationEvent::type).containsExactly(EventType.LOGIN, EventType.LOGOUT);
        assertThat(events).allSatisfy(e -> {
            assertThat(LoginEvents.document(e)).hasValue(ANA);
            assertThat(e.centerId()).isEqualTo(TestStation.CENTER);
            assertThat(e.stationId()).isEqualTo(TestStation.STATION);
        });
        assertThat(events.get(1).seq()).isGreaterThan(events.get(0).seq());
    }

    @Test
    void anImpostorOrAnUnusableCaptureIsShownAndNothingIsSent() throws Exception {
        LaneLogin login = start(Prints.onlyAna(), false);

        assertThat(login.capture(Prints.template(Prints.PERSON2))).isInstanceOf(Outcome.NotRecognised.class);
        assertThat(store.anyoneLoggedIn()).isFalse();
        assertThat(shown).singleElement().asString().startsWith("Huella no reconocida");
        login.accept(new Fault(Instant.now(), FaultKind.OUT_OF_RANGE, "only 3 minutiae found"));
        login.accept(new Fault(Instant.now(), FaultKind.DISCONNECTED, "tcp://127.0.0.1:9: connection refused"));
        assertThat(shown).endsWith("Lector de huellas: only 3 minutiae found; ponga el dedo otra vez",
                "Lector de huellas sin conexión: tcp://127.0.0.1:9: connection refused");
        assertThat(store.anyoneLoggedIn()).isFalse();
        assertThat(eventsInOutbox()).isEmpty();
    }

    @Test
    void aRestartRemembersWhoIsLoggedIn() throws Exception {
        LaneLogin login = start(Prints.anaAndLuis(), false);
        login.capture(Prints.template(Prints.PERSON1));
        login.capture(Prints.template(Prints.PERSON2));
        stop();

        LaneLogin again = start(Prints.anaAndLuis(), false);
        assertThat(store.loggedIn()).containsOnlyKeys(ANA, "CC-80111222");
        assertThat(again.capture(Prints.template(Prints.PERSON1_AGAIN))).isEqualTo(new Outcome.LoggedOut(ANA));
        assertThat(eventsInOutbox()).extracting(StationEvent::type)
                .containsExactly(EventType.LOGIN, EventType.LOGIN, EventType.LOGOUT);
    }

    @Test
    void requireLoginHoldsTheNextVehicleUntilAFingerFromTheReaderLogsIn() throws Exception {
        LaneLogin login = start(Prints.anaAndLuis(), true);
        Path drop = Files.createDirectories(dir.resolve("drop"));
        try (FileDropFingerprintReader reader = new FileDropFingerprintReader(drop, 500, new FingerprintExtractor(),
                Duration.ofMillis(50), null, Clock.systemUTC())) {
            reader.start(login);
            device.send(LaneDevice.vehicle("HLD001"));

            await().atMost(PATIENCE).until(() -> LoginGate.NOBODY.equals(agent.stats().waiting()));
            Thread.sleep(1500);
            assertThat(agent.stats().read()).as("no vehicle taken while nobody is logged in").isZero();
            assertThat(shown).containsExactly(LoginGate.NOBODY);

            Prints.copy(Prints.PERSON1_AGAIN, drop.resolve("capture-1.png"));
            await().atMost(PATIENCE).until(() -> agent.stats().appended() == 1);
            assertThat(agent.stats().waiting()).isNull();
            assertThat(shown).contains("Sesión iniciada: Ana Pérez (CC-79123456)");
        }
        assertThat(eventsInOutbox()).extracting(StationEvent::type).containsExactly(EventType.LOGIN);
    }
}
