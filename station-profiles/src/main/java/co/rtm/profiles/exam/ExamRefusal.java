package co.rtm.profiles.exam;

/** Why an exam step is refused: one code per rule, carried by {@link Decision} and {@link ExamRefused}. */
public enum ExamRefusal {
    /** No CRC certificate of aptitude for this candidate and category (art. 3.7.3.1.2). */
    CRC_CERTIFICATE_MISSING,
    /** The CRC certificate is older than its 6 months (art. 3.4.4.11) or past its stated expiry. */
    CRC_CERTIFICATE_EXPIRED,
    /** No CEA certificate of driving aptitude for this candidate and category (art. 3.7.3.1.2). */
    CEA_CERTIFICATE_MISSING,
    /** The CEA certificate is past its expiry date (art. 3.2.4.8). */
    CEA_CERTIFICATE_EXPIRED,
    /** Arrived less than 30 minutes before the turn (art. 3.7.3.1.2, seed line 2536). */
    ARRIVED_LATE,
    /** A free retake asked for, but the last exam of that part and category was not a failure. */
    NO_FAILED_EXAM_TO_RETAKE,
    /** The one free retake was already used (art. 3.7.3.1.4 par. 1; art. 3.7.3.2.3). */
    FREE_RETAKE_ALREADY_USED,
    /** The failure is more than the free-retake days ago (10 calendar days). */
    FREE_RETAKE_EXPIRED,
    /** Practical exam without a passed theory exam in that category (art. 3.7.3.2.1). */
    THEORY_NOT_PASSED,
    /** The passed theory exam is more than 30 calendar days old (art. 3.7.3.1.4 par. 2). */
    THEORY_WINDOW_EXPIRED,
    /** Practical exam at another CALE than the passed theory exam (art. 3.7.3.1.4 par. 2, art. 3.7.3.2.1). */
    OTHER_CALE,
    /** An exam-session step that the session's state does not allow. */
    INVALID_TRANSITION,
    /** A suspended exam resumed without a new identification (art. 3.7.3.1.3, seed line 2559). */
    NEW_IDENTIFICATION_REQUIRED
}
