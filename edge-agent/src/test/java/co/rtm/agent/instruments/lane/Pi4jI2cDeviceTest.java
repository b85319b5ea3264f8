package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Pi4J adapter on the mock platform. Pi4J's MockI2C is a loopback FIFO, not a device: what is written can be
 * read back, in order. So bytes written into it before the driver starts are what the driver's first read gets,
 * and the driver's own commands are left in the FIFO behind them for the test to check.
 */
class Pi4jI2cDeviceTest {

    private static final DeviceIdentity IDENTITY =
            Bh1750Luxmeter.identity("LX-0042", LocalDate.now().minusDays(30), LocalDate.now().plusDays(300));

    private final Context pi4j = MockPi4j.context();
    private final List<InstrumentEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void theLuxmeterReadsTheSensorThroughPi4jAndSendsPowerOnThenHighResolutionMode() {
        Pi4jI2cDevice device = Pi4jI2cDevice.open(pi4j, "lane-luxmeter", LaneIoConfig.I2cAddress.BH1750_DEFAULT);
        I2C bus = pi4j.io("lane-luxmeter", I2C.class);
        assertThat(device.describe()).isEqualTo("i2c-1@0x23");
        bus.write(new byte[]{0x0A, (byte) 0x8C}, 0, 2);   // what the sensor will answer

        try (Bh1750Luxmeter meter = new Bh1750Luxmeter(device, IDENTITY, Duration.ofHours(1))) {
            meter.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
            assertThat(events.get(1)).isInstanceOfSatisfying(Reading.class,
                    r -> assertThat(r.sample()).isEqualTo(new Sample.Illuminance(2250.0)));
            assertThat(bus.read()).as("first command").isEqualTo(0x01);
            assertThat(bus.read()).as("second command").isEqualTo(0x10);
            assertThat(bus.read()).as("nothing else was written").isEqualTo(-1);
        }
    }

    @Test
    void aReadThatGetsNothingFromTheBusIsAnIoException() {
        Pi4jI2cDevice device = Pi4jI2cDevice.open(pi4j, "lane-luxmeter", new LaneIoConfig.I2cAddress(1, 0x5C));
        assertThat(device.describe()).isEqualTo("i2c-1@0x5c");
        assertThatThrownBy(() -> device.read(new byte[2]))
                .isInstanceOf(IOException.class).hasMessageContaining("i2c-1@0x5c");
    }

    @Test
    void aPi4jBusErrorBecomesADisconnectedFaultAndNoReading() {
        // MockI2C never fails a transaction: this one fails its reads the way Pi4J's Linux provider does
        I2C failing = new MockI2C(MockI2CProvider.newInstance(),
                I2C.newConfigBuilder(pi4j).id("failing").bus(1).device(0x23).build()) {
            @Override
            public int read(byte[] buffer, int offset, int length) {
                throw new com.pi4j.io.exception.IOException("I2C read failed: errno 121 (Remote I/O error)");
            }
        };

        try (Bh1750Luxmeter meter = new Bh1750Luxmeter(new Pi4jI2cDevice(failing), IDENTITY,
                Duration.ofMillis(200))) {
            meter.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 3);
        }
        List<InstrumentEvent> firstPolls = List.copyOf(events).subList(1, 3);
        assertThat(firstPolls).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.DISCONNECTED);
            assertThat(f.detail()).contains("i2c-1@0x23", "Remote I/O error");
        }));
        assertThat(events).noneMatch(e -> e instanceof Reading);
    }
}
