package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class Bh1750LuxmeterTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Duration PERIOD = Duration.ofMillis(180);
    private static final DeviceIdentity IDENTITY =
            Bh1750Luxmeter.identity("LX-0042", LocalDate.parse("2025-06-01"), LocalDate.parse("2026-05-31"));

    private final List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
    private final List<Bh1750Luxmeter> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Bh1750Luxmeter::close);
    }

    @Test
    void powersUpThenConvertsTheBigEndianCountToLux() {
        ScriptedI2c chip = new ScriptedI2c().answer(0x0A, 0x8C);
        Bh1750Luxmeter meter = start(chip, null, CLOCK);

        await().atMost(Duration.ofSeconds(5)).until(() -> readings().size() >= 1);
        assertThat(events.get(0)).isEqualTo(new Identified(T0, IDENTITY));
        assertThat(readings().get(0)).isEqualTo(new Sample.Illuminance(2250.0));   // 0x0A8C = 2700 counts / 1.2
        assertThat(chip.written().subList(0, 2)).containsExactly((byte) 0x01, (byte) 0x10);
        assertThat(meter.kind()).isEqualTo(InstrumentKind.LIGHTS);
        assertThat(meter.identity()).contains(IDENTITY);
    }

    @Test
    void aBusErrorIsAFaultAndNoReadingAndTheNextPollPowersUpAgain() {
        ScriptedI2c chip = new ScriptedI2c()
                .fail(new IOException("Remote I/O error"))
                .answer(0x00, 0x78);   // 120 counts = 100 lx
        start(chip, null, CLOCK);

        await().atMost(Duration.ofSeconds(5)).until(() -> readings().size() >= 1);
        List<InstrumentEvent> all = List.copyOf(events);
        List<InstrumentEvent> afterIdentity = all.subList(1, all.size());
        assertThat(afterIdentity.get(0)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.DISCONNECTED);
            assertThat(f.detail()).contains("Remote I/O error");
        });
        assertThat(afterIdentity.get(1)).isEqualTo(new Reading(T0, new Sample.Illuminance(100.0)));
        assertThat(chip.written().subList(0, 4)).as("power on + mode, then again after the error")
                .containsExactly((byte) 0x01, (byte) 0x10, (byte) 0x01, (byte) 0x10);
    }

    @Test
    void aShortReadIsADeviceErrorAndNoReading() {
        ScriptedI2c chip = new ScriptedI2c().answer(0x0A).answer(0x0A, 0x8C);
        start(chip, null, CLOCK);

        await().atMost(Duration.ofSeconds(5)).until(() -> readings().size() >= 1);
        assertThat(events.get(1)).isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.DEVICE_ERROR));
        assertThat(readings().get(0)).isEqualTo(new Sample.Illuminance(2250.0));
    }

    @Test
    void anExpiredVerificationGivesFaultsAndNoReadings() {
        ScriptedI2c chip = new ScriptedI2c().answer(0x0A, 0x8C);
        // 2026-05-31 is the last valid day; 00:30 on 1 June in Bogota is past it
        start(chip, null, Clock.fixed(Instant.parse("2026-06-01T05:30:00Z"), BOGOTA));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 3);
        List<InstrumentEvent> firstPolls = List.copyOf(events).subList(1, 3);
        assertThat(firstPolls).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.CALIBRATION_EXPIRED);
            assertThat(f.detail()).contains("LX-0042", "2026-05-31");
        }));
        assertThat(readings()).isEmpty();
        assertThat(chip.reads()).isZero();
    }

    @Test
    void theDueDayIsJudgedOnTheStationsLocalDate() {
        ScriptedI2c chip = new ScriptedI2c().answer(0x0A, 0x8C);
        // already 1 June in UTC, still 23:30 on 31 May in Bogota: the last valid day
        start(chip, null, Clock.fixed(Instant.parse("2026-06-01T04:30:00Z"), BOGOTA));

        await().atMost(Duration.ofSeconds(5)).until(() -> readings().size() >= 1);
        assertThat(events.stream().filter(e -> e instanceof Fault)).isEmpty();
    }

    @Test
    void aCountThatNeverMovesBecomesAStuckValueFaultUntilItMovesAgain() {
        AtomicLong seconds = new AtomicLong();
        Clock ticking = new Clock() {   // one second further at every look
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return T0.plusSeconds(seconds.getAndIncrement());
            }
        };
        ScriptedI2c chip = new ScriptedI2c().answer(0x01, 0x2C);   // 300 counts, then the same forever
        Bh1750Luxmeter meter = start(chip, Duration.ofSeconds(5), ticking);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e instanceof Fault f && f.kind() == FaultKind.STUCK_VALUE));
        chip.answer(0x01, 0x2D);
        int faultsSoFar = events.size();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() > faultsSoFar
                && events.get(events.size() - 1) instanceof Reading);
        meter.close();

        List<InstrumentEvent> polls = List.copyOf(events.subList(1, events.size()));
        int firstStuck = indexOfStuck(polls);
        assertThat(firstStuck).as("a few readings before the count has held 5 s").isBetween(2, 5);
        assertThat(polls.subList(0, firstStuck)).allSatisfy(e -> assertThat(e).isInstanceOf(Reading.class));
        assertThat(polls.get(polls.size() - 1)).isInstanceOfSatisfying(Reading.class,
                r -> assertThat(r.sample()).isEqualTo(new Sample.Illuminance(301 / 1.2)));
    }

    @Test
    void aPollPeriodShorterThanOneMeasurementIsRefused() {
        assertThatThrownBy(() -> new Bh1750Luxmeter(new ScriptedI2c(), IDENTITY, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("180");
    }

    @Test
    void nothingIsDeliveredAfterClose() throws Exception {
        ScriptedI2c chip = new ScriptedI2c().answer(0x0A, 0x8C);
        Bh1750Luxmeter meter = start(chip, null, CLOCK);
        await().atMost(Duration.ofSeconds(5)).until(() -> readings().size() >= 1);
        meter.close();
        int n = events.size();
        Thread.sleep(3 * PERIOD.toMillis());
        assertThat(events).hasSize(n);
    }

    private static int indexOfStuck(List<InstrumentEvent> polls) {
        for (int i = 0; i < polls.size(); i++) {
            if (polls.get(i) instanceof Fault f && f.kind() == FaultKind.STUCK_VALUE) {
                return i;
            }
        }
        return -1;
    }

    private Bh1750Luxmeter start(I2cDevice device, Duration stuckAfter, Clock clock) {
        Bh1750Luxmeter meter = new Bh1750Luxmeter(device, IDENTITY, PERIOD, stuckAfter, clock);
        opened.add(meter);
        meter.start(events::add);
        return meter;
    }

    private List<Sample> readings() {
        return events.stream().filter(e -> e instanceof Reading).map(e -> ((Reading) e).sample()).toList();
    }
}
