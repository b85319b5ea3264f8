package co.rtm.hub.ledger;

/**
 * The summary {@code hub verify-ledger --json} prints (DESIGN §10); serialises with Jackson to one
 * object with exactly these fields.
 *
 * @param results          stored results, any verdict
 * @param approved         results with verdict APPROVED
 * @param rejected         results with verdict REJECTED
 * @param refused          stored refusals
 * @param certificates     results holding a certificate number
 * @param furGaps          FUR numbers missing, over all centres
 * @param certificateGaps  certificate numbers missing, over all kinds
 * @param duplicateNumbers FUR or certificate numbers held twice, or held beyond their counter
 * @param badSignatures    stored envelopes whose signature does not verify (0 when no check was supplied)
 * @param auditChainOk     the hash chain is intact and agrees with every result and refusal row
 * @param ok               everything above is clean and every result has exactly the numbers its verdict calls for
 */
public record LedgerReport(long results, long approved, long rejected, long refused, long certificates,
                           long furGaps, long certificateGaps, long duplicateNumbers, long badSignatures,
                           boolean auditChainOk, boolean ok) {
}
