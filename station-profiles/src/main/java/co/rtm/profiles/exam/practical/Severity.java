package co.rtm.profiles.exam.practical;

/** How serious a practical-exam fault is; the fail report lists faults "con su gravedad" (art. 3.7.3.2.3). */
public enum Severity { LEVE, GRAVE, ELIMINATORIA }
