package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class Pi4jLaneIoTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final LaneIoConfig TWO_LAMPS = new LaneIoConfig(
            LaneIoConfig.Input.photocell(5), LaneIoConfig.Input.photocell(6),
            LaneIoConfig.Input.normallyClosedStop(13),
            new LaneIoConfig.TwoLamps(20, 21, false), LaneIoConfig.I2cAddress.BH1750_DEFAULT);

    private final Context pi4j = MockPi4j.context();
    private final List<InstrumentEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void photocellChangesArriveAsPresenceReadingsInOrder() {
        Pi4jLaneIo lane = new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC));
        // open-collector cells read HIGH while the beam is clear
        in(Pi4jLaneIo.ENTRY_ID).mockState(HIGH);
        in(Pi4jLaneIo.EXIT_ID).mockState(HIGH);
        assertThat(lane.occupied(LaneIo.ENTRY_CELL)).isFalse();
        lane.start(events::add);

        in(Pi4jLaneIo.ENTRY_ID).mockState(LOW);    // front of the car breaks the entry beam
        in(Pi4jLaneIo.EXIT_ID).mockState(LOW);     // ... and reaches the exit
        assertThat(lane.occupied(LaneIo.ENTRY_CELL)).isTrue();
        assertThat(lane.occupied(LaneIo.EXIT_CELL)).isTrue();
        in(Pi4jLaneIo.ENTRY_ID).mockState(HIGH);   // rear clears the entry
        in(Pi4jLaneIo.EXIT_ID).mockState(HIGH);    // car has left

        assertThat(events).containsExactly(
                new Reading(T0, new Sample.Presence("entry", true)),
                new Reading(T0, new Sample.Presence("exit", true)),
                new Reading(T0, new Sample.Presence("entry", false)),
                new Reading(T0, new Sample.Presence("exit", false)));
        assertThat(lane.occupied(LaneIo.EXIT_CELL)).isFalse();
    }

    @Test
    void theStopPressedDuringAGuardedTestAbortsItAndTurnsTheLightRed() throws Exception {
        Pi4jLaneIo lane = new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC));
        lane.start(events::add);
        assertThat(lane.emergencyStop().pressed()).isFalse();
        lane.setLight(LaneLight.GREEN);
        assertThat(out(Pi4jLaneIo.GREEN_ID)).isEqualTo(HIGH);
        assertThat(out(Pi4jLaneIo.RED_ID)).isEqualTo(LOW);

        CountDownLatch testRunning = new CountDownLatch(1);
        Thread operator = new Thread(() -> {
            try {
                testRunning.await();
            } catch (InterruptedException e) {
                return;
            }
            in(Pi4jLaneIo.STOP_ID).mockState(HIGH);   // normally-closed contact opens
        });
        operator.start();
        StepOutcome<Double> outcome = new TestGuard(lane.emergencyStop()).run(control -> {
            testRunning.countDown();
            Thread.sleep(30_000);   // waiting on the brake tester
            return 0.72;
        });
        operator.join();

        assertThat(outcome).isEqualTo(new StepOutcome.Aborted<>(T0, "emergency stop"));
        assertThat(lane.light()).isEqualTo(LaneLight.RED);
        assertThat(out(Pi4jLaneIo.RED_ID)).isEqualTo(HIGH);
        assertThat(out(Pi4jLaneIo.GREEN_ID)).isEqualTo(LOW);
        assertThat(events).singleElement().isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.EMERGENCY_STOP);
            assertThat(f.detail()).contains("BCM 13");
        });

        lane.setLight(LaneLight.GREEN);   // not while the stop is pressed
        assertThat(out(Pi4jLaneIo.RED_ID)).isEqualTo(HIGH);
        assertThat(out(Pi4jLaneIo.GREEN_ID)).isEqualTo(LOW);

        in(Pi4jLaneIo.STOP_ID).mockState(LOW);
        assertThat(lane.emergencyStop().awaitRelease(Duration.ZERO)).isTrue();
        assertThat(lane.light()).as("stays red until the session decides").isEqualTo(LaneLight.RED);
        lane.setLight(LaneLight.GREEN);
        assertThat(out(Pi4jLaneIo.GREEN_ID)).isEqualTo(HIGH);
        assertThat(out(Pi4jLaneIo.RED_ID)).isEqualTo(LOW);
        assertThat(lane.emergencyStop().presses()).isEqualTo(1);
    }

    @Test
    void aSingleActiveLowBusyOutputIsOnForRedAndAStopPressedAtStartCounts() {
        LaneIoConfig config = new LaneIoConfig(
                LaneIoConfig.Input.photocell(5), LaneIoConfig.Input.photocell(6),
                // a normally-open stop wired active-low; the mock pin starts LOW, i.e. pressed
                new LaneIoConfig.Input(13, LaneIoConfig.Pull.UP, true, Duration.ofMillis(20)),
                new LaneIoConfig.BusySignal(26, true), LaneIoConfig.I2cAddress.BH1750_DEFAULT);
        assertThat(DigitalState.LOW).isEqualTo(pinLevelOfAFreshMockInput());

        Pi4jLaneIo lane = new Pi4jLaneIo(pi4j, config, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(lane.emergencyStop().pressed()).isTrue();
        assertThat(lane.light()).isEqualTo(LaneLight.RED);
        assertThat(out(Pi4jLaneIo.BUSY_ID)).as("relay on = pin low").isEqualTo(LOW);

        in(Pi4jLaneIo.STOP_ID).mockState(HIGH);
        lane.setLight(LaneLight.GREEN);
        assertThat(out(Pi4jLaneIo.BUSY_ID)).isEqualTo(HIGH);
        lane.setLight(LaneLight.OFF);
        assertThat(out(Pi4jLaneIo.BUSY_ID)).isEqualTo(HIGH);
    }

    @Test
    void closeSwitchesTheLightOffAndFreesThePins() {
        Pi4jLaneIo lane = new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC));
        lane.setLight(LaneLight.GREEN);
        DigitalOutput green = pi4j.io(Pi4jLaneIo.GREEN_ID, DigitalOutput.class);
        lane.close();
        assertThat(green.state()).isEqualTo(LOW);
        assertThat(pi4j.hasIO(Pi4jLaneIo.GREEN_ID)).isFalse();

        Pi4jLaneIo again = new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(again.light()).isEqualTo(LaneLight.RED);
        again.close();
    }

    @Test
    void aPinThatCannotBeCreatedGivesBackTheOnesAlreadyMade() {
        pi4j.create(com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(pi4j)
                .id(Pi4jLaneIo.EXIT_ID).address(19));   // someone else holds the id
        assertThatThrownBy(() -> new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC)))
                .isInstanceOf(RuntimeException.class);
        assertThat(pi4j.hasIO(Pi4jLaneIo.GREEN_ID)).isFalse();
        assertThat(pi4j.hasIO(Pi4jLaneIo.RED_ID)).isFalse();
        assertThat(pi4j.hasIO(Pi4jLaneIo.ENTRY_ID)).isFalse();
        assertThat(pi4j.hasIO(Pi4jLaneIo.EXIT_ID)).as("not ours to release").isTrue();
    }

    @Test
    void theLaneOpensItsLuxmeterOnTheConfiguredBusAndAddress() {
        Pi4jLaneIo lane = new Pi4jLaneIo(pi4j, TWO_LAMPS, Clock.fixed(T0, ZoneOffset.UTC));
        DeviceIdentity identity = Bh1750Luxmeter.identity("LX-7", LocalDate.parse("2026-01-10"),
                LocalDate.parse("2027-01-09"));
        try (Bh1750Luxmeter meter = lane.openLuxmeter(identity, Duration.ofHours(1))) {
            I2C bus = pi4j.io(Pi4jLaneIo.LUXMETER_ID, I2C.class);
            assertThat(bus.bus()).isEqualTo(1);
            assertThat(bus.device()).isEqualTo(0x23);
            bus.write(new byte[]{0x00, 0x0C}, 0, 2);   // 12 counts
            meter.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
            assertThat(events.get(1)).isEqualTo(new Reading(T0, new Sample.Illuminance(10.0)));
        }
        assertThat(pi4j.hasIO(Pi4jLaneIo.LUXMETER_ID)).as("released on close").isFalse();
        lane.close();
    }

    private DigitalState pinLevelOfAFreshMockInput() {
        MockDigitalInput probe = (MockDigitalInput) pi4j.create(com.pi4j.io.gpio.digital.DigitalInput
                .newConfigBuilder(pi4j).id("probe").address(27));
        DigitalState s = probe.state();
        pi4j.shutdown("probe");
        return s;
    }

    private MockDigitalInput in(String id) {
        return pi4j.io(id, MockDigitalInput.class);
    }

    private DigitalState out(String id) {
        return pi4j.io(id, DigitalOutput.class).state();
    }
}
