package co.rtm.profiles.rules;

/** NTC 5375 defect classes: A is a grave defect (rejects on its own), B a potential danger (rejects by count). */
public enum DefectType { A, B }
