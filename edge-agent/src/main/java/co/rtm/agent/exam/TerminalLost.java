package co.rtm.agent.exam;

/** The candidate's terminal stopped answering (disconnected, closed, or silent past the exam's time). */
public final class TerminalLost extends Exception {
    public TerminalLost(String detail) {
        super(detail);
    }

    public TerminalLost(String detail, Throwable cause) {
        super(detail, cause);
    }
}
