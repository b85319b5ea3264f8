package co.rtm.agent.instruments.lane;

/**
 * The lane's own hardware (GPIO pins, I2C bus) cannot be used: no GPIO on this machine, a pin refused, a bus
 * missing. The message is one line for the operator, without the "lane I/O" prefix the caller adds.
 */
public final class LaneIoException extends RuntimeException {

    /** The message when the machine has no GPIO the agent can drive. */
    public static final String NO_GPIO = "no GPIO provider on this machine (is this a Raspberry Pi?)";

    public LaneIoException(String message) {
        super(message);
    }

    public LaneIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
