package co.rtm.hub.ledger;

/** The reason codes the ledger itself refuses with; ingestion adds its own (signature, schema, score...). */
public final class RefusalReasons {
    public static final String UNKNOWN_STATION = "UNKNOWN_STATION";
    public static final String CENTER_MISMATCH = "CENTER_MISMATCH";
    public static final String STATION_INACTIVE = "STATION_INACTIVE";
    public static final String REPLAYED_SEQ = "REPLAYED_SEQ";
    /** Started outside the centre's registered hours, or on a holiday it is closed (art. 3.3.5.2.4). */
    public static final String OUTSIDE_OPERATING_HOURS = "OUTSIDE_OPERATING_HOURS";
    /** Would make its lane exceed its registered capacity within that clock hour (art. 3.3.5.2.4). */
    public static final String CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED";
    /** A vehicle kind the centre's class does not cover (art. 3.3.3.6, 3.3.8.1). */
    public static final String VEHICLE_KIND_NOT_ALLOWED = "VEHICLE_KIND_NOT_ALLOWED";
    /** Started after the last day of the centre's registered accreditation. */
    public static final String ACCREDITATION_EXPIRED = "ACCREDITATION_EXPIRED";
    /** Started after the last day of the centre's registered environmental certificate (art. 3.3.1.2 b, 3.3.1.5 g). */
    public static final String ENVIRONMENTAL_CERTIFICATE_EXPIRED = "ENVIRONMENTAL_CERTIFICATE_EXPIRED";
    /** No registered, active inspector of the centre logged in on the lane when the inspection started. */
    public static final String NO_INSPECTOR_LOGGED_IN = "NO_INSPECTOR_LOGGED_IN";
    /** The inspection names an inspector who is not a registered, active person of its centre. */
    public static final String INSPECTOR_NOT_REGISTERED = "INSPECTOR_NOT_REGISTERED";
    /** The inspection names a registered, active person who was not logged in on its lane when it started. */
    public static final String INSPECTOR_NOT_LOGGED_IN = "INSPECTOR_NOT_LOGGED_IN";
    /** Retests (art. 3.3.5.3, 3.3.5.1.6): see {@link RetestRules}. */
    public static final String RETEST_ORIGINAL_NOT_FOUND = "RETEST_ORIGINAL_NOT_FOUND";
    public static final String RETEST_ORIGINAL_NOT_REJECTED = "RETEST_ORIGINAL_NOT_REJECTED";
    public static final String RETEST_PLATE_MISMATCH = "RETEST_PLATE_MISMATCH";
    public static final String RETEST_OUTSIDE_WINDOW = "RETEST_OUTSIDE_WINDOW";
    public static final String RETEST_ALREADY_USED = "RETEST_ALREADY_USED";
    public static final String RETEST_INCOMPLETE = "RETEST_INCOMPLETE";
    /** Plausibility (docs/rules-plausibility.md): a test's raw series shorter than its profile's minimum. */
    public static final String TOO_SHORT_TEST = "TOO_SHORT_TEST";
    /** Plausibility: an inspection shorter than its profile's minimum. */
    public static final String TOO_SHORT_INSPECTION = "TOO_SHORT_INSPECTION";
    /** Plausibility: the plate was under inspection on another station at an overlapping time. */
    public static final String PLATE_OVERLAP = "PLATE_OVERLAP";
    /** Plausibility: a test's raw series equals one already accepted for another plate. */
    public static final String SERIES_REUSED = "SERIES_REUSED";
    /** Plausibility: measured with an instrument whose metrological verification was due before the inspection day. */
    public static final String CALIBRATION_EXPIRED = "CALIBRATION_EXPIRED";

    /** Mobile line (co.rtm.hub.mobile.MobileAcceptance): no stay of its schedule covers the day (art. 3.3.1.6 m). */
    public static final String NOT_IN_SCHEDULED_MUNICIPALITY = "NOT_IN_SCHEDULED_MUNICIPALITY";
    /** Mobile line: no GPS fix recent enough before the start (art. 3.3.1.6 h, i). */
    public static final String NO_RECENT_FIX = "NO_RECENT_FIX";
    /** Mobile line: its recent fix lies outside the municipality scheduled for the day. */
    public static final String OUTSIDE_SCHEDULED_MUNICIPALITY = "OUTSIDE_SCHEDULED_MUNICIPALITY";
    /** Mobile line: moved from another municipality and recorded no metrological verification since (art. 3.3.3.8). */
    public static final String METROLOGICAL_VERIFICATION_REQUIRED = "METROLOGICAL_VERIFICATION_REQUIRED";
    /** Mobile line: more than 30 days after a fixed CDA opened within 50 km of its municipality (art. 3.3.3.10). */
    public static final String PAST_LEAVE_BY_DATE = "PAST_LEAVE_BY_DATE";

    private RefusalReasons() {
    }
}
