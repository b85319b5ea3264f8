package co.rtm.agent.exam;

/** Where a station gets a live fingerprint (and photo) of the person in front of it. */
@FunctionalInterface
public interface FingerprintSource {
    /** Asks for the finger with {@code prompt} (Spanish, shown to the person) and returns the capture. */
    Capture capture(String prompt) throws TerminalLost;
}
