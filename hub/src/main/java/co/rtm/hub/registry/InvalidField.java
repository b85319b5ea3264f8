package co.rtm.hub.registry;

/**
 * Bad input for a registry change, naming the input field it came from ({@code kind}, {@code publicKey}...), so
 * the REST API can answer 400 with that field while a command prints the same one-line message.
 */
public final class InvalidField extends IllegalArgumentException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidField(String field, IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
