/**
 * Fingerprint readers (kind {@code fingerprint}): images become SourceAFIS templates
 * ({@link co.rtm.agent.instruments.fingerprint.FingerprintExtractor}), compared 1:1 by
 * {@link co.rtm.agent.instruments.fingerprint.FingerprintMatcher} (threshold 40). Two ways in: a directory the
 * vendor's capture software drops PNG files into
 * ({@link co.rtm.agent.instruments.fingerprint.FileDropFingerprintReader}), and a device on a TCP device
 * server speaking FPR1 ({@link co.rtm.agent.instruments.fingerprint.NetworkFingerprintReader}).
 *
 * <h2>FPR1 frame protocol</h2>
 * The device sends frames; the reader sends nothing. All integers are big-endian.
 * <pre>
 * offset  size  field
 *      0     4  magic "FPR1" (0x46 0x50 0x52 0x31)
 *      4     1  type: 'C' capture, 'I' identity, 'E' device error, 'H' heartbeat
 *      5     4  payload length N, 0..8 MiB
 *      9     N  payload
 *    9+N     4  CRC-32 (IEEE 802.3, as java.util.zip.CRC32) of bytes 4 .. 9+N-1 (type, length, payload)
 * </pre>
 * Payloads:
 * <ul>
 *   <li>{@code C}: 2-byte resolution in dpi, then the image file (PNG; BMP and JPEG are accepted too). One
 *       frame per finger placed on the sensor.</li>
 *   <li>{@code I}: UTF-8 {@code vendor;model;serial;firmware;verifiedOn;verificationDue}, dates ISO-8601;
 *       sent first on every connection.</li>
 *   <li>{@code E}: a UTF-8 message from the device (sensor dirty, finger moved); a
 *       {@code DEVICE_ERROR} fault.</li>
 *   <li>{@code H}: empty; sent every 5 s when no other frame was, so the reader can tell a quiet device from a
 *       dead link (the reader reports {@code TIMEOUT} after 15 s of silence and reconnects).</li>
 * </ul>
 * A CRC mismatch is a {@code BAD_CHECKSUM} fault and the whole frame (by its length) is skipped. Bytes that are
 * not a frame, an unknown type and a length above 8 MiB are {@code BAD_FRAME} faults; the reader then looks
 * for the next magic. A capture whose image is unreadable, out of the size range or has too few minutiae is a
 * fault from the extractor, never a reading.
 */
package co.rtm.agent.instruments.fingerprint;
