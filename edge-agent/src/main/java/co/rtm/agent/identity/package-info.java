/**
 * Biometric identity at a CALE exam station (DESIGN §6, research/cale.md §2.2, §3.1, §7.4): the local replica of the
 * Registraduría's civil registry ({@link co.rtm.agent.identity.CivilRegistryReplica}: document, full name, SourceAFIS
 * template, photo hash, enrolment time, in SQLite), 1:1 verification of a live capture against the template of the
 * document the candidate presents ({@link co.rtm.agent.identity.Verification}), and 1:N search of a capture against
 * every enrolled template, which finds one finger enrolled under two document numbers (impersonation).
 *
 * <p>Res. 20223040045295/2022 (compiling Res. 1349/2017): the candidate's fingerprint is authenticated "contra la
 * réplica de la base de datos de la Registraduría" at theory registration (art. 3.7.3.1.3 num. 1), to unlock the exam
 * module (art. 3.7.3.1.3, with firma electrónica and document number), to close the theory exam (art. 3.7.3.1.4) and at
 * practical check-in (art. 3.7.3.2.1). The seed names no reader certification, image format or matching threshold.
 */
package co.rtm.agent.identity;
