package co.rtm.agent.lane;

/**
 * The lane sent something that is not a vehicle's readings (a line that is not UTF-8, not JSON, too long, cut
 * off by a disconnect, or missing what a reading needs). It is an instrument fault: the station reports it and
 * never scores that input. The message says what was wrong; {@link #excerpt()} shows the start of the input.
 */
public final class LaneFaultException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String excerpt;

    public LaneFaultException(String problem, String excerpt) {
        super(problem, null, false, false);
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** At most the first 120 characters of the offending input, for the log; may be empty. */
    public String excerpt() {
        return excerpt;
    }
}
