package co.rtm.profiles.wire;

/** Why the hub refused a message: the {@code reason} of a REJECTED {@link Ack}. */
public enum RejectReason {
    /** The envelope is not a well-formed JWS of the contract (see {@link EnvelopeException.Reason}). */
    MALFORMED_ENVELOPE,
    /** The signed payload is not a valid message of its type. */
    MALFORMED_PAYLOAD,
    UNKNOWN_STATION,
    STATION_INACTIVE,
    /** The kid names no key of the station. */
    UNKNOWN_KEY,
    KEY_REVOKED,
    /** A previous key used after its grace period ended. */
    KEY_EXPIRED,
    BAD_SIGNATURE,
    /** The topic's ids, the kid's owner and the payload's ids, or the typ and the topic kind, disagree. */
    TOPIC_MISMATCH,
    /** A seq not greater than one already accepted from that station. */
    REPLAYED_SEQ,
    /** The claimed verdict does not follow from the readings when re-scored. */
    VERDICT_MISMATCH,
    /** Started outside the centre's registered opening hours, or on a holiday it is closed (art. 3.3.5.2.4). */
    OUTSIDE_OPERATING_HOURS,
    /** Would make the lane exceed its registered capacity within that clock hour (art. 3.3.5.2.4). */
    CAPACITY_EXCEEDED,
    /** A vehicle kind the centre's class does not cover (art. 3.3.3.6, 3.3.8.1). */
    VEHICLE_KIND_NOT_ALLOWED,
    /** Started after the last day of the centre's registered accreditation. */
    ACCREDITATION_EXPIRED,
    /** Started after the last day of the centre's registered environmental certificate (art. 3.3.1.2 b, 3.3.1.5 g). */
    ENVIRONMENTAL_CERTIFICATE_EXPIRED,
    /** No registered, active inspector of the centre was logged in on the lane when the inspection started. */
    NO_INSPECTOR_LOGGED_IN,
    /** The inspection names an inspector who is not a registered, active person of its centre. */
    INSPECTOR_NOT_REGISTERED,
    /** The inspection names a registered inspector who was not logged in on its lane when it started. */
    INSPECTOR_NOT_LOGGED_IN,
    /** A retest names a FUR the centre never issued (a retest returns to the same centre, art. 3.3.5.3). */
    RETEST_ORIGINAL_NOT_FOUND,
    /** A retest of a FUR that was not rejected. */
    RETEST_ORIGINAL_NOT_REJECTED,
    /** A retest of another vehicle's FUR. */
    RETEST_PLATE_MISMATCH,
    /** A retest started after the 15 calendar days (art. 3.3.5.3, 3.3.5.1.6), or before the original. */
    RETEST_OUTSIDE_WINDOW,
    /** The original already had its one free retest, or is itself a retest (art. 3.3.5.1.6). */
    RETEST_ALREADY_USED,
    /** A retest without every test the original failed, or without a full sensory review (art. 3.3.5.3 par.). */
    RETEST_INCOMPLETE,
    /** An instrument test's raw series lasts less than the lane profile's minimum for that test. */
    TOO_SHORT_TEST,
    /** The inspection lasts less than the lane profile's minimum. */
    TOO_SHORT_INSPECTION,
    /** The plate was under inspection on another station at an overlapping time. */
    PLATE_OVERLAP,
    /** A test's raw series equals one already accepted for another plate. */
    SERIES_REUSED,
    /** A test was measured with an instrument whose metrological verification had expired. */
    CALIBRATION_EXPIRED,
    /** A mobile line inspected on a day no stay of its schedule covers (art. 3.3.1.6 m; docs/mobile-lines.md). */
    NOT_IN_SCHEDULED_MUNICIPALITY,
    /** A mobile line inspected after the leave-by date of its stay (art. 3.3.3.10). */
    PAST_LEAVE_BY_DATE,
    /** A mobile line had no GPS fix in the 15 minutes up to the inspection's start. */
    NO_RECENT_FIX,
    /** A mobile line's fix at the start lies outside the scheduled municipality. */
    OUTSIDE_SCHEDULED_MUNICIPALITY,
    /** A mobile line moved and recorded no metrological verification since (art. 3.3.3.8). */
    METROLOGICAL_VERIFICATION_REQUIRED,
    /**
     * A CALE exam the hub's records do not allow: no booking or another candidate's, a reused draw seat, a missing or
     * expired CRC/CEA certificate, a retake or practical outside its window or at another CALE. The stored refusal keeps
     * the precise code (docs/cale-hub.md).
     */
    EXAM_NOT_ELIGIBLE
}
