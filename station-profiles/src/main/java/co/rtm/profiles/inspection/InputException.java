package co.rtm.profiles.inspection;

/** A scoring document that cannot be scored, with the JSON path of the offending field. */
public final class InputException extends RuntimeException {
    private final String path;

    public InputException(String path, String problem) {
        super((path.isEmpty() ? "document" : path) + ": " + problem);
        this.path = path;
    }

    /** Dotted path with array indexes, e.g. {@code measurements.brakes.axles[1].serviceLeftN}. */
    public String path() { return path; }
}
