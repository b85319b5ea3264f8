package co.rtm.profiles.exam;

/** "Aprobado / No aprobado" (art. 3.7.3.1.4; art. 3.7.3.2.3). */
public enum ExamVerdict { APPROVED, NOT_APPROVED }
