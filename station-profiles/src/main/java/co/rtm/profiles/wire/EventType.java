package co.rtm.profiles.wire;

/** What a {@link StationEvent} reports. */
public enum EventType {
    BOOT,
    /** Biometric login of a technician or examiner. */
    LOGIN,
    LOGOUT,
    CALIBRATION,
    /** Metrological verification of an instrument (also required after a mobile line moves). */
    VERIFICATION,
    INSTRUMENT_FAULT,
    /** A fingerprint at a CALE matched a person enrolled under another document (1:N). */
    IMPERSONATION
}
