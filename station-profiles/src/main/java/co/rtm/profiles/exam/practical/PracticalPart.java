package co.rtm.profiles.exam.practical;

/** The two parts of the practical exam (art. 3.7.3.2.2): closed-circuit skill and manoeuvres on public roads. */
public enum PracticalPart { DESTREZA, VIA_PUBLICA }
