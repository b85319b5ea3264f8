package co.rtm.agent.instruments.link;

import co.rtm.agent.instruments.ByteLink;
import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial port through jSerialComm (USB adapters, on-board UARTs, ptys). Reads use jSerialComm's
 * read timeouts (whole tenths of a second, the termios granularity) topped up by polling the bytes available,
 * so {@link #read} returns 0 after about the timeout asked when the line stayed quiet.
 * A serial line cannot tell a quiet device from an unplugged one: -1 only when the port itself fails or closes.
 */
public final class SerialLink implements ByteLink {

    /** Parity as the usual one-letter code of {@code 8N1}. */
    public enum Parity {
        NONE('N', SerialPort.NO_PARITY), ODD('O', SerialPort.ODD_PARITY), EVEN('E', SerialPort.EVEN_PARITY),
        MARK('M', SerialPort.MARK_PARITY), SPACE('S', SerialPort.SPACE_PARITY);

        final char letter;
        final int native_;

        Parity(char letter, int native_) {
            this.letter = letter;
            this.native_ = native_;
        }
    }

    /** Stop bits: 1, 1.5 or 2. */
    public enum StopBits {
        ONE("1", SerialPort.ONE_STOP_BIT), ONE_AND_HALF("1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS),
        TWO("2", SerialPort.TWO_STOP_BITS);

        final String text;
        final int native_;

        StopBits(String text, int native_) {
            this.text = text;
            this.native_ = native_;
        }
    }

    /** Line settings; {@link #toString()} gives {@code 9600,8N1}. */
    public record Settings(int baud, int dataBits, Parity parity, StopBits stopBits) {
        private static final Pattern FORM = Pattern.compile("(\\d+),([5-8])([NOEMS])(1|1\\.5|2)");

        public Settings {
            if (baud <= 0) {
                throw new IllegalArgumentException("baud must be positive, was " + baud);
            }
            if (dataBits < 5 || dataBits > 8) {
                throw new IllegalArgumentException("data bits must be 5..8, was " + dataBits);
            }
            Objects.requireNonNull(parity, "parity");
            Objects.requireNonNull(stopBits, "stopBits");
        }

        /** Parse {@code 9600,8N1}, {@code 19200,7E2}, {@code 4800,8N1.5}. */
        public static Settings parse(String text) {
            Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("serial settings '" + text + "' are not like 9600,8N1");
            }
            Parity parity = switch (m.group(3).charAt(0)) {
                case 'N' -> Parity.NONE;
                case 'O' -> Parity.ODD;
                case 'E' -> Parity.EVEN;
                case 'M' -> Parity.MARK;
                default -> Parity.SPACE;
            };
            StopBits stop = switch (m.group(4)) {
                case "1" -> StopBits.ONE;
                case "2" -> StopBits.TWO;
                default -> StopBits.ONE_AND_HALF;
            };
            return new Settings(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), parity, stop);
        }

        @Override
        public String toString() {
            return baud + "," + dataBits + parity.letter + stopBits.text;
        }
    }

    private final String path;
    private final Settings settings;
    private final SerialPort port;
    private volatile boolean closed;
    private int readTimeoutMs = -1;

    private SerialLink(String path, Settings settings, SerialPort port) {
        this.path = path;
        this.settings = settings;
        this.port = port;
    }

    /** Open {@code path} (e.g. {@code /dev/ttyUSB0}) with {@code settings}. */
    public static SerialLink open(String path, Settings settings) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {   // SerialPortInvalidPortException
            throw new IOException("serial:" + path + "@" + settings + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits().native_,
                settings.parity().native_);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IOException("serial:" + path + "@" + settings + ": cannot open (error "
                    + port.getLastErrorCode() + " at " + port.getLastErrorLocation() + ")");
        }
        return new SerialLink(path, settings, port);
    }

    /** Open {@code path} with settings written like {@code 9600,8N1}. */
    public static SerialLink open(String path, String settings) throws IOException {
        return open(path, Settings.parse(settings));
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        // jSerialComm's read timeout counts in tenths of a second (termios VTIME): a 20 ms timeout waits 100 ms.
        // Whole tenths are waited in the driver, the rest by polling bytesAvailable every 2 ms.
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            if (closed) {
                return -1;
            }
            int available = port.bytesAvailable();
            if (available < 0) {
                return failed("bytesAvailable");
            }
            if (available > 0) {
                return checked(readWithin(buf, Math.min(available, buf.length), 0));
            }
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return 0;
            }
            if (leftMs >= 100) {
                int n = readWithin(buf, buf.length, (int) Math.min(Integer.MAX_VALUE, leftMs / 100 * 100));
                if (n != 0) {
                    return checked(n);
                }
            } else {
                try {
                    Thread.sleep(Math.min(2, leftMs));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(describe() + ": interrupted", e);
                }
            }
        }
    }

    /** Read with a whole-tenths timeout, or without waiting when {@code ms} is 0. */
    private int readWithin(byte[] buf, int len, int ms) {
        if (ms != readTimeoutMs) {
            port.setComPortTimeouts(ms == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING,
                    ms, 0);
            readTimeoutMs = ms;
        }
        return port.readBytes(buf, len);
    }

    private int checked(int n) throws IOException {
        return n < 0 ? failed("read") : n;
    }

    private int failed(String what) throws IOException {
        if (closed || !port.isOpen()) {
            return -1;
        }
        throw new IOException(describe() + ": " + what + " failed (error " + port.getLastErrorCode() + ")");
    }

    @Override
    public void write(byte[] data) throws IOException {
        int done = 0;
        while (done < data.length) {
            int n = port.writeBytes(data, data.length - done, done);
            if (n < 0) {
                throw new IOException(describe() + ": write failed (error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public String describe() {
        return "serial:" + path + "@" + settings;
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }
}
