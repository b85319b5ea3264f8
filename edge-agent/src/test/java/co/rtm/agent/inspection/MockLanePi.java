package co.rtm.agent.inspection;

import co.rtm.agent.instruments.lane.Pi4jContexts;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

/**
 * A Pi on Pi4J's mock platform for the lane file's hardware: hands its one context to the agent and lets the test
 * set inputs and look at outputs by the ids the agent gives its pins.
 */
final class MockLanePi implements Pi4jContexts {
    private Context context;

    @Override
    public synchronized Context create() {
        if (context != null) {
            throw new IllegalStateException("one context per test");
        }
        context = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockI2CProvider.newInstance())
                .build();
        return context;
    }

    /** A Pi4J context with no providers at all: what Pi4J gives on a machine with no GPIO plugin that works. */
    static Pi4jContexts withoutProviders() {
        return () -> Pi4J.newContextBuilder().noAutoDetect().build();
    }

    /** A factory the test does not expect to be called (the file is refused first). */
    static Pi4jContexts notCalled() {
        return () -> {
            throw new AssertionError("no Pi4J context should be made");
        };
    }

    void input(String id, DigitalState level) {
        context.io(id, MockDigitalInput.class).mockState(level);
    }

    DigitalState output(String id) {
        return context.io(id, DigitalOutput.class).state();
    }

    I2C i2c(String id) {
        return context.io(id, I2C.class);
    }
}
