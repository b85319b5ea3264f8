package co.rtm.hub.mobile;

/** A stay the schedule does not take, with a code ({@link StayRules}) and a one-line reason. */
public final class StayRefused extends RuntimeException {
    private final String code;

    public StayRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
