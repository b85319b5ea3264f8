package co.rtm.agent.exam;

/** Where a station gets the HD photo of the person in front of it (art. 3.7.3.1.3 num. 2). */
@FunctionalInterface
public interface PhotoSource {
    /** Takes the photo, telling the person {@code prompt} (Spanish). */
    byte[] photo(String prompt) throws TerminalLost;
}
