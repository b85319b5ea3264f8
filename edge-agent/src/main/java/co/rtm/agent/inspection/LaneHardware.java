package co.rtm.agent.inspection;

import co.rtm.agent.instruments.lane.Bh1750Luxmeter;
import co.rtm.agent.instruments.lane.LaneIo;
import co.rtm.agent.instruments.lane.LaneIoConfig;
import co.rtm.agent.instruments.lane.LaneIoException;
import co.rtm.agent.instruments.lane.Pi4jContexts;
import co.rtm.agent.instruments.lane.Pi4jI2cDevice;
import co.rtm.agent.instruments.lane.Pi4jLaneIo;
import com.pi4j.context.Context;
import com.pi4j.provider.exception.ProviderNotFoundException;

import java.time.Clock;
import java.util.Optional;

/**
 * The lane's own hardware on the Pi, opened together from the lane file: one Pi4J context, the lane I/O (photocells,
 * emergency stop, light) and the BH1750 luxmeter, each only when configured. Any failure is a
 * {@link LaneIoException} with a one-line message, and whatever was already opened is released.
 */
final class LaneHardware implements AutoCloseable {

    /** The Pi4J id of the BH1750 read as the lights instrument. */
    static final String LUXMETER_ID = "lights-bh1750";

    private final Context pi4j;
    private final Pi4jLaneIo laneIo;          // null: not configured
    private final Bh1750Luxmeter luxmeter;    // null: not configured

    private LaneHardware(Context pi4j, Pi4jLaneIo laneIo, Bh1750Luxmeter luxmeter) {
        this.pi4j = pi4j;
        this.laneIo = laneIo;
        this.luxmeter = luxmeter;
    }

    /**
     * @param laneIo   the lane I/O wiring, or null for none
     * @param luxmeter the BH1750 lights instrument, or null for none
     * @return empty when neither is configured (no Pi4J context is made)
     */
    static Optional<LaneHardware> open(Pi4jContexts contexts, LaneIoConfig laneIo, Bh1750Section.Wiring luxmeter,
                                       Clock clock) {
        if (laneIo == null && luxmeter == null) {
            return Optional.empty();
        }
        Context pi4j = context(contexts);
        Pi4jLaneIo io = null;
        try {
            if (laneIo != null) {
                io = laneIo(pi4j, laneIo, clock);
            }
            Bh1750Luxmeter meter = luxmeter == null ? null : luxmeter(pi4j, luxmeter, clock);
            return Optional.of(new LaneHardware(pi4j, io, meter));
        } catch (RuntimeException e) {
            if (io != null) {
                io.close();
            }
            shutdown(pi4j);
            throw e;
        }
    }

    /** The lane I/O, when the file has a {@code laneIo} section; the caller starts it. */
    Optional<LaneIo> laneIo() {
        return Optional.ofNullable(laneIo);
    }

    /** The BH1750 lights instrument, not started; whoever starts it closes it. */
    Optional<Bh1750Luxmeter> luxmeter() {
        return Optional.ofNullable(luxmeter);
    }

    /** Switches the light off and releases every pin and bus (the luxmeter's too). */
    @Override
    public void close() {
        if (laneIo != null) {
            laneIo.close();
        }
        shutdown(pi4j);
    }

    private static Context context(Pi4jContexts contexts) {
        try {
            return contexts.create();
        } catch (LaneIoException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new LaneIoException("cannot start Pi4J: " + describe(e), e);
        }
    }

    private static Pi4jLaneIo laneIo(Context pi4j, LaneIoConfig config, Clock clock) {
        try {
            return new Pi4jLaneIo(pi4j, config, clock);
        } catch (ProviderNotFoundException e) {
            throw new LaneIoException(LaneIoException.NO_GPIO, e);
        } catch (RuntimeException | LinkageError e) {
            throw new LaneIoException("cannot open the lane's GPIO pins: " + describe(e), e);
        }
    }

    private static Bh1750Luxmeter luxmeter(Context pi4j, Bh1750Section.Wiring wiring, Clock clock) {
        Pi4jI2cDevice device;
        try {
            device = Pi4jI2cDevice.open(pi4j, LUXMETER_ID, wiring.address());
        } catch (ProviderNotFoundException e) {
            throw new LaneIoException("no I2C provider on this machine (is I2C enabled on this Raspberry Pi?)", e);
        } catch (RuntimeException | LinkageError e) {
            throw new LaneIoException("cannot open the BH1750 on I2C bus " + wiring.address().bus() + ": "
                    + describe(e), e);
        }
        return new Bh1750Luxmeter(device, wiring.identity(), wiring.period(), null, clock);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void shutdown(Context pi4j) {
        try {
            pi4j.shutdown();
        } catch (RuntimeException ignored) {
            // already shut down, or half started: nothing more to release
        }
    }
}
