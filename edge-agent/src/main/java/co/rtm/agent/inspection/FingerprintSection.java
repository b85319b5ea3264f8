package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.fingerprint.FileDropFingerprintReader;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.fingerprint.FingerprintFrameDecoder;
import co.rtm.agent.instruments.fingerprint.NetworkFingerprintReader;
import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.agent.instruments.runtime.LinkedInstrument;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The lane file's optional {@code fingerprint:} entry, the reader inspectors log in with (docs/instruments.md,
 * "Inspector login at the lane"). Exactly one of:
 * <pre>
 * fingerprint: {tcp: "10.0.0.40:4010"}                           # FPR1 device on a TCP device server
 * fingerprint: {serial: "/dev/ttyUSB1", settings: "115200,8N1"}  # FPR1 device on a serial port
 * fingerprint: {fileDrop: "/var/lib/huellas", dpi: 500}          # vendor software dropping PNG files
 * </pre>
 * {@code dpi} (default 500) is only for {@code fileDrop}: FPR1 captures carry their own resolution.
 */
public record FingerprintSection(String tcp, String serial, String settings, String fileDrop, Double dpi) {

    static final double DEFAULT_DPI = 500;

    /**
     * The reader, not started.
     *
     * @throws IllegalArgumentException naming {@code where} and the field when the entry is wrong
     */
    Instrument reader(String where, FingerprintExtractor extractor) {
        int given = (tcp != null ? 1 : 0) + (serial != null ? 1 : 0) + (fileDrop != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(where + ": give exactly one of tcp, serial or fileDrop");
        }
        if (dpi != null && fileDrop == null) {
            throw new IllegalArgumentException(where + ".dpi: only for fileDrop (FPR1 captures carry their resolution)");
        }
        if (settings != null && serial == null) {
            throw new IllegalArgumentException(where + ".settings: only for serial");
        }
        if (tcp != null) {
            int colon = tcp.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(tcp.substring(colon + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                port = -1;
            }
            if (colon < 1 || port < 1 || port > 65535) {
                throw new IllegalArgumentException(where + ".tcp: expected host:port, got '" + tcp + "'");
            }
            return new NetworkFingerprintReader(tcp.substring(0, colon), port, extractor);
        }
        if (serial != null) {
            String s = settings == null ? "115200,8N1" : settings;
            try {
                SerialLink.Settings.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".settings: " + e.getMessage());
            }
            // FPR1 heartbeats every 5 s: 15 s of silence is three missed ones, as NetworkFingerprintReader
            return LinkedInstrument.builder(() -> new FingerprintFrameDecoder(extractor), () -> SerialLink.open(serial, s))
                    .silence(Duration.ofSeconds(15)).threadName("instrument-fingerprint").build();
        }
        double resolution = dpi == null ? DEFAULT_DPI : dpi;
        if (!(resolution >= FingerprintExtractor.MIN_DPI && resolution <= FingerprintExtractor.MAX_DPI)) {
            throw new IllegalArgumentException(where + ".dpi: must be " + FingerprintExtractor.MIN_DPI + "-"
                    + FingerprintExtractor.MAX_DPI + ", got " + resolution);
        }
        if (fileDrop.isBlank()) {
            throw new IllegalArgumentException(where + ".fileDrop: empty directory");
        }
        return new FileDropFingerprintReader(Path.of(fileDrop), resolution, extractor);
    }
}
