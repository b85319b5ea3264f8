package co.rtm.sim.cale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A simulated candidate terminal (theory) or examiner console (practical) speaking the agent's line protocol
 * (docs/cale-stations.md) over one TCP connection: one connection is one turn.
 */
public final class CaleTerminalClient {

    /** Picks the answer to a question: its id and the option keys in the order shown; null leaves it blank. */
    @FunctionalInterface
    public interface Answerer {
        String answer(int number, String questionId, List<String> optionOrder);
    }

    /** A capture as the terminal sends it: fingerprint image (PNG, 500 dpi) and photo. */
    public record Finger(byte[] png, byte[] photo) {}

    private CaleTerminalClient() {
    }

    /**
     * Sits one theory exam: enters the booking, gives {@code fingers.apply(k)} at the k-th finger request (0, 1, ...),
     * answers with {@code answerer}, and hangs up instead of answering question {@code hangUpAt} (0: never).
     */
    public static TerminalReply theory(String host, int port, String booking, IntFunction<Finger> fingers,
                                       Answerer answerer, int hangUpAt) throws IOException {
        return talk(host, port, (line, reply, state) -> {
            if (line.equals("ASK CANDIDATE")) {
                return "CANDIDATE " + booking;
            }
            if (line.startsWith("ASK FINGER")) {
                return finger(fingers.apply(state.fingers++));
            }
            if (line.startsWith("QUESTION ")) {
                String[] f = line.split(" ", 6);
                int n = Integer.parseInt(f[1]);
                reply.questionIds.add(f[3]);
                if (n == hangUpAt) {
                    return null;
                }
                String a = answerer.answer(n, f[3], List.of(f[4].split(",")));
                return "ANSWER " + (a == null ? "-" : a);
            }
            throw new IOException("unexpected request from the station: " + line);
        });
    }

    /**
     * Runs one practical exam at the examiner's console: {@code start} is {@code "<candidate> <category> <turn>
     * <examiner>"}, {@code entries} the FAULT/REPORT lines in order.
     */
    public static TerminalReply practical(String host, int port, String start, IntFunction<Finger> fingers,
                                          List<String> entries) throws IOException {
        Deque<String> queue = new ArrayDeque<>(entries);
        return talk(host, port, (line, reply, state) -> {
            if (line.equals("ASK PRACTICAL")) {
                return "PRACTICAL " + start;
            }
            if (line.startsWith("ASK FINGER")) {
                return finger(fingers.apply(state.fingers++));
            }
            if (line.equals("ASK ENTRY")) {
                return queue.poll();
            }
            throw new IOException("unexpected request from the station: " + line);
        });
    }

    private static String finger(Finger f) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "FINGER 500 " + b64.encodeToString(f.png()) + " " + b64.encodeToString(f.photo());
    }

    private static final class State {
        int fingers;
    }

    private interface Responder {
        /** The line to send, or null to hang up. */
        String respond(String request, TerminalReply reply, State state) throws IOException;
    }

    private static TerminalReply talk(String host, int port, Responder responder) throws IOException {
        TerminalReply reply = new TerminalReply();
        State state = new State();
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(120_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("INFO ")) {
                    continue;
                }
                if (line.startsWith("REFUSED ")) {
                    reply.refusals.add(line.split(" ", 3)[1]);
                    reply.end = TerminalReply.End.REFUSED;
                    continue;
                }
                if (line.startsWith("SUSPENDED ")) {
                    reply.end = TerminalReply.End.SUSPENDED;
                    reply.suspension = line.substring(10);
                    continue;
                }
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    reply.end = TerminalReply.End.RESULT;
                    reply.verdict = f[1];
                    reply.score = Integer.parseInt(f[2]);
                    reply.outOf = Integer.parseInt(f[3]);
                    reply.failedGroups = f[4];
                    continue;
                }
                String answer = responder.respond(line, reply, state);
                if (answer == null) {
                    reply.end = TerminalReply.End.LEFT;
                    return reply;
                }
                reply.end = TerminalReply.End.CLOSED;
                out.write(answer + "\n");
                out.flush();
            }
        }
        return reply;
    }
}
