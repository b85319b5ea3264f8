package co.rtm.agent.instruments;

/** Why an instrument could not be trusted. Any of these makes the test it was reading invalid, never passed. */
public enum FaultKind {
    /** Nothing arrived within the driver's deadline. */
    TIMEOUT,
    /** A frame whose checksum does not match its bytes. */
    BAD_CHECKSUM,
    /** Bytes that are not a frame of the protocol (garbage, overlong, truncated, unknown record, bad field). */
    BAD_FRAME,
    /** A well-formed value outside what the instrument can physically measure. */
    OUT_OF_RANGE,
    /** The same value repeated for longer than a live sensor ever holds still. */
    STUCK_VALUE,
    /** The instrument's calibration / metrological verification had expired at reading time. */
    CALIBRATION_EXPIRED,
    /** The instrument reported an error of its own (error frame). */
    DEVICE_ERROR,
    /** The transport closed or failed. */
    DISCONNECTED,
    /** The lane's emergency stop was pressed: the running test is aborted. */
    EMERGENCY_STOP
}
