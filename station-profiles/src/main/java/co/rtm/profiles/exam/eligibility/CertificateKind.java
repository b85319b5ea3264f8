package co.rtm.profiles.exam.eligibility;

/**
 * The two certificates the CALE checks in RUNT before an exam (art. 3.7.3.1.2, seed line 2526): the CRC's
 * certificate of physical, mental and motor-coordination aptitude, and the CEA's certificate of driving aptitude.
 */
public enum CertificateKind { CRC, CEA }
