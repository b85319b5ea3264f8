package co.rtm.profiles.exam;

/** The two CALE exams: theory (art. 3.7.3.1.x) and practical (art. 3.7.3.2.x). */
public enum ExamPart { THEORY, PRACTICAL }
