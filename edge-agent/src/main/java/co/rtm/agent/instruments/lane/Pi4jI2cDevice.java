package co.rtm.agent.instruments.lane;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;

import java.io.IOException;
import java.util.Objects;

/**
 * {@link I2cDevice} over a Pi4J 2 {@link I2C}. Pi4J signals bus errors with unchecked exceptions and sometimes
 * with a negative count; both become {@link IOException} here, so drivers handle one failure path.
 */
public final class Pi4jI2cDevice implements I2cDevice {

    private final I2C i2c;
    private final Context owner;   // null: the caller created the I2C and releases it
    private final String description;

    /** Wrap an I2C device already created in a Pi4J context; {@link #close()} closes it. */
    public Pi4jI2cDevice(I2C i2c) {
        this(i2c, null);
    }

    private Pi4jI2cDevice(I2C i2c, Context owner) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.owner = owner;
        this.description = "i2c-" + i2c.bus() + "@0x" + Integer.toHexString(i2c.device());
    }

    /**
     * Create the device at {@code address} in {@code pi4j} with the given Pi4J id; {@link #close()} removes it
     * from the context again, so the id can be reused.
     */
    public static Pi4jI2cDevice open(Context pi4j, String id, LaneIoConfig.I2cAddress address) {
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j)
                .id(id).name(id).bus(address.bus()).device(address.address()));
        return new Pi4jI2cDevice(i2c, pi4j);
    }

    @Override
    public void write(byte... bytes) throws IOException {
        int n;
        try {
            n = i2c.write(bytes, 0, bytes.length);
        } catch (RuntimeException e) {
            throw new IOException(description + ": write failed: " + e.getMessage(), e);
        }
        if (n < 0) {
            throw new IOException(description + ": write failed (" + n + ")");
        }
    }

    @Override
    public int read(byte[] into) throws IOException {
        int n;
        try {
            n = i2c.read(into, 0, into.length);
        } catch (RuntimeException e) {
            throw new IOException(description + ": read failed: " + e.getMessage(), e);
        }
        if (n < 0) {
            throw new IOException(description + ": read failed (" + n + ")");
        }
        return n;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            if (owner != null) {
                owner.shutdown(i2c.id());
            } else {
                i2c.close();
            }
        } catch (RuntimeException ignored) {
            // closing a device that is already gone: nothing left to release
        }
    }
}
