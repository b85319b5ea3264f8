package co.rtm.agent.instruments.lane;

import java.io.IOException;

/**
 * One device on an I2C bus, as plain writes and reads (no register addressing): what the BH1750 speaks. Used from
 * one thread at a time. A bus error (no acknowledge, bus gone) is an {@link IOException}.
 */
public interface I2cDevice extends AutoCloseable {

    /** Write {@code bytes} in one transaction. */
    void write(byte... bytes) throws IOException;

    /**
     * Read up to {@code into.length} bytes in one transaction.
     *
     * @return how many bytes arrived (fewer than asked is a device error for the caller to judge)
     */
    int read(byte[] into) throws IOException;

    /** Where the device is, for messages: {@code i2c-1@0x23}. */
    String describe();

    @Override
    void close();
}
