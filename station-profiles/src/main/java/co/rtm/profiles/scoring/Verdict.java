package co.rtm.profiles.scoring;

/** The outcome of an inspection: INCOMPLETE when a required test is missing or invalid and nothing rejects. */
public enum Verdict { APPROVED, REJECTED, INCOMPLETE }
