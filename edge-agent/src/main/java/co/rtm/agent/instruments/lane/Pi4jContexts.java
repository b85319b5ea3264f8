package co.rtm.agent.instruments.lane;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.definition.BoardModel;
import com.pi4j.context.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Makes the Pi4J context the lane's hardware lives in. The agent uses {@link #raspberryPi()}; tests hand in a
 * context on Pi4J's mock platform.
 */
@FunctionalInterface
public interface Pi4jContexts {

    /**
     * A new context; the caller shuts it down.
     *
     * @throws LaneIoException when this machine has no GPIO to drive
     */
    Context create();

    /**
     * The Raspberry Pi's own context: Pi4J's auto-detected providers (libgpiod for the pins, /dev/i2c-N for I2C).
     * Refuses, with {@link LaneIoException#NO_GPIO}, a machine with no GPIO character device ({@code /dev/gpiochip*})
     * or a board Pi4J does not recognise: its gpiod provider would not initialise there and every pin would fail.
     * The first check comes before Pi4J is started, so a laptop gets the one line and not Pi4J's detection log.
     */
    static Pi4jContexts raspberryPi() {
        return () -> {
            if (!hasGpioChip(Path.of("/dev"))) {
                throw new LaneIoException(LaneIoException.NO_GPIO);
            }
            Context context = Pi4J.newAutoContext();
            if (context.boardInfo().getBoardModel() == BoardModel.UNKNOWN) {
                context.shutdown();
                throw new LaneIoException(LaneIoException.NO_GPIO);
            }
            return context;
        };
    }

    /** Whether {@code dev} holds a GPIO character device ({@code gpiochip0}, ...). */
    static boolean hasGpioChip(Path dev) {
        try (Stream<Path> files = Files.list(dev)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("gpiochip"));
        } catch (IOException e) {
            return false;
        }
    }
}
