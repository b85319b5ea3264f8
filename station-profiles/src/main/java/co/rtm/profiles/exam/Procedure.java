package co.rtm.profiles.exam;

/**
 * Why the candidate sits the exams: a first licence or a recategorisation (art. 3.7.3.1; CEA codes 20 and 22 of
 * art. 3.2.4.4). Renewal needs no CALE exam (art. 5.2.2.6), so it is not a value here.
 */
public enum Procedure { FIRST_ISSUE, RECATEGORISATION }
