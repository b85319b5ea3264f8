package co.rtm.agent.exam;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.IdentityException;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.ExamClaim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * A candidate terminal or examiner console over one TCP connection, speaking the line protocol of
 * {@code docs/cale-stations.md}: UTF-8 lines; the agent asks ({@code ASK CANDIDATE}, {@code ASK PRACTICAL},
 * {@code ASK FINGER}, {@code ASK PHOTO}, {@code QUESTION}, {@code ASK ENTRY}) and the terminal answers with one line
 * ({@code CANDIDATE}, {@code PRACTICAL}, {@code FINGER}, {@code PHOTO}, {@code ANSWER}, {@code FAULT} / {@code REPORT}); the agent
 * also sends {@code INFO}, {@code REFUSED}, {@code SUSPENDED} and {@code RESULT}. A closed connection, a read timeout
 * or a malformed answer is a lost terminal.
 */
public final class LineTerminal implements CandidateTerminal, PracticalConsole, FingerprintSource, PhotoSource {

    private final BufferedReader in;
    private final Writer out;

    public LineTerminal(Socket socket) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public Booking booking() throws TerminalLost {
        String[] f = ask("ASK CANDIDATE", "CANDIDATE", 4, 5);
        return booking(f, 1);
    }

    @Override
    public Start start() throws TerminalLost {
        String[] f = ask("ASK PRACTICAL", "PRACTICAL", 5, 6);
        Booking b = booking(new String[]{f[0], f[1], f[2], f[3], f.length > 5 ? f[5] : null}, 1);
        return new Start(b, document(f[4]));
    }

    @Override
    public Entry next() throws TerminalLost {
        String[] f = ask("ASK ENTRY", null, 2, 2);
        return switch (f[0]) {
            case "FAULT" -> new Entry.Fault(f[1]);
            case "REPORT" -> new Entry.Report(document(f[1]));
            default -> throw new TerminalLost("expected FAULT or REPORT, got " + f[0]);
        };
    }

    @Override
    public Capture capture(String prompt) throws TerminalLost {
        String[] f = ask("ASK FINGER " + prompt, "FINGER", 4, 4);
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new Capture(b64.decode(f[2]), Double.parseDouble(f[1]), b64.decode(f[3]));
        } catch (IllegalArgumentException e) {
            throw new TerminalLost("bad FINGER line: " + e.getMessage());
        }
    }

    /** {@code ASK PHOTO prompt} -> {@code PHOTO base64}: only when the fingerprints come from the station's reader. */
    @Override
    public byte[] photo(String prompt) throws TerminalLost {
        String[] f = ask("ASK PHOTO " + prompt, "PHOTO", 2, 2);
        try {
            return Base64.getDecoder().decode(f[1]);
        } catch (IllegalArgumentException e) {
            throw new TerminalLost("bad PHOTO line: " + e.getMessage());
        }
    }

    @Override
    public String answer(int number, int total, Question question, DrawnQuestion shown) throws TerminalLost {
        String[] f = ask("QUESTION " + number + " " + total + " " + shown.id() + " " + String.join(",", shown.optionOrder())
                + " " + question.text().replace('\n', ' '), "ANSWER", 2, 2);
        return "-".equals(f[1]) ? null : f[1];
    }

    @Override
    public void tell(String message) {
        send("INFO " + message);
    }

    @Override
    public void refused(StationRefusal refusal, String message) {
        send("REFUSED " + refusal + " " + message);
    }

    @Override
    public void suspended(String message) {
        send("SUSPENDED " + message);
    }

    @Override
    public void result(ExamOutcome.Closed closed) {
        ExamClaim c = closed.message().claim();
        send("RESULT " + c.verdict() + " " + c.score() + " " + c.outOf() + " "
                + (c.failedGroups().isEmpty() ? "-" : c.failedGroups().stream().map(Enum::name).collect(Collectors.joining(","))));
    }

    private Booking booking(String[] f, int from) throws TerminalLost {
        try {
            Procedure p = f.length > from + 3 && f[from + 3] != null ? Procedure.valueOf(f[from + 3]) : Procedure.FIRST_ISSUE;
            return new Booking(document(f[from]), LicenceCategory.valueOf(f[from + 1]), p, f[from + 2]);
        } catch (IllegalArgumentException e) {
            throw new TerminalLost("bad booking: " + e.getMessage());
        }
    }

    private static DocumentId document(String text) throws TerminalLost {
        try {
            return CivilRegistryReplica.document(text);
        } catch (IdentityException e) {
            throw new TerminalLost("bad document " + text + ": " + e.getMessage());
        }
    }

    private String[] ask(String question, String keyword, int min, int max) throws TerminalLost {
        if (!send(question)) {
            throw new TerminalLost("terminal closed");
        }
        String line;
        try {
            line = in.readLine();
        } catch (SocketTimeoutException e) {
            throw new TerminalLost("no answer in time", e);
        } catch (IOException e) {
            throw new TerminalLost("terminal closed: " + e.getMessage(), e);
        }
        if (line == null) {
            throw new TerminalLost("terminal closed");
        }
        String[] f = line.strip().split(" +");
        if (keyword != null && !keyword.equals(f[0]) || f.length < min || f.length > max) {
            throw new TerminalLost("expected " + (keyword == null ? "an answer" : keyword) + " with " + (min - 1)
                    + (max > min ? "-" + (max - 1) : "") + " fields, got: " + abbreviate(line));
        }
        return f;
    }

    private boolean send(String line) {
        try {
            out.write(line.replace('\n', ' ') + "\n");
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
