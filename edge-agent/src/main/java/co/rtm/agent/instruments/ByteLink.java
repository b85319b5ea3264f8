package co.rtm.agent.instruments;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte transport to one instrument: a serial port, a TCP connection to an RS-232 device server, a CoAP
 * resource, a file being replayed. One reader thread; {@link #close()} from any thread unblocks it.
 */
public interface ByteLink extends AutoCloseable {

    /**
     * Read up to {@code buf.length} bytes, waiting at most {@code timeout}.
     *
     * @return the number of bytes read, 0 when nothing arrived in time, -1 when the link is closed for good
     */
    int read(byte[] buf, Duration timeout) throws IOException;

    /** Send bytes to the instrument (commands of polled protocols). */
    void write(byte[] data) throws IOException;

    /** Where the link goes, for messages: {@code serial:/dev/ttyUSB0@9600}, {@code tcp://10.0.0.5:4001}. */
    String describe();

    @Override
    void close();
}
