package co.rtm.profiles.rules;

/** A rule needs a vehicle field the document left out (e.g. gross weight for the tread limit). */
public final class MissingVehicleField extends RuntimeException {
    private final String field;

    public MissingVehicleField(String field, String neededFor) {
        super("required by " + neededFor);
        this.field = field;
    }

    public String field() { return field; }
}
