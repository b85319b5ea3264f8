package co.rtm.agent.exam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Accepts candidate terminals (theory) or examiner consoles (practical) on 127.0.0.1: each connection is one
 * candidate's turn, run on its own thread by {@code turn}; the connection is closed when the turn ends. A silent
 * terminal is lost after {@code idle} (the exam's duration).
 */
public final class TerminalServer implements AutoCloseable {

    /** One turn over one connection. */
    @FunctionalInterface
    public interface Turn {
        ExamOutcome run(LineTerminal terminal);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TerminalServer.class);

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "exam-terminal");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;

    public TerminalServer(int port, Duration idle, Turn turn) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                pool.execute(() -> {
                    try (Socket socket = s) {
                        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idle.toMillis()));
                        socket.setTcpNoDelay(true);
                        LineTerminal terminal = new LineTerminal(socket);
                        ExamOutcome o = turn.run(terminal);
                        LOG.debug("terminal {} done: {}", socket.getRemoteSocketAddress(), o);
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("terminal failed: {}", e.toString());
                    }
                });
            }
        }, "exam-terminals");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
