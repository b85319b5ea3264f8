package co.rtm.agent.instruments;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The instrument families a lane or station reads; {@link #json()} is the name the command line uses (DESIGN §10). */
public enum InstrumentKind {
    GPS("gps"), BRAKE("brake"), GAS("gas"), OPACITY("opacity"), LIGHTS("lights"), SUSPENSION("suspension"),
    SIDESLIP("sideslip"), TREAD("tread"), SOUND("sound"), FINGERPRINT("fingerprint");

    private final String json;

    InstrumentKind(String json) { this.json = json; }

    public String json() { return json; }

    /** @throws IllegalArgumentException naming the accepted names */
    public static InstrumentKind fromJson(String name) {
        for (InstrumentKind k : values()) {
            if (k.json.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown instrument '" + name + "', expected one of "
                + Arrays.stream(values()).map(InstrumentKind::json).collect(Collectors.joining(", ")));
    }
}
