package co.rtm.agent.station;

/** A provisioning bundle that cannot be used; the message is one line naming the file and what is wrong. */
public final class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message, null, false, false);
    }
}
