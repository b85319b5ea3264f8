package co.rtm.agent.instruments.link;

import co.rtm.agent.instruments.ByteLink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw TCP connection to an RS-232 device server (Moxa NPort, ser2net, the simulator's TcpDeviceServer): the
 * serial bytes as they are, no framing. One connection; reconnecting is the runtime's business.
 */
public final class TcpLink implements ByteLink {

    private final String host;
    private final int port;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int soTimeoutMs = -1;

    private TcpLink(String host, int port, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connect to {@code host:port}, giving up after {@code connectTimeout}. */
    public static TcpLink connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            return new TcpLink(host, port, s);
        } catch (IOException e) {
            s.close();
            throw new IOException("tcp://" + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (ms != soTimeoutMs) {
            socket.setSoTimeout(ms);   // 0 would mean "forever": never pass it
            soTimeoutMs = ms;
        }
        try {
            return in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            if (socket.isClosed()) {
                return -1;     // closed from another thread
            }
            throw e;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that will not close
        }
    }
}
