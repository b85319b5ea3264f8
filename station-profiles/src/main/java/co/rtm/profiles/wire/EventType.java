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
    /**
     * A CALE station's 1:N search found the fingerprint just captured already enrolled under another document number
     * (DESIGN §6). Detail: {@code presentedDocument} and {@code enrolledDocument} (TYPE-NUMBER), {@code capturedAt}, {@code score}.
     */
    IMPERSONATION
}
