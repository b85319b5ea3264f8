package co.rtm.profiles.exam.session;

/** The states of one exam session at a CALE station. */
public enum ExamState { BOOKED, IDENTIFIED, IN_PROGRESS, SUSPENDED, CLOSED }
