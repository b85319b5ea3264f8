package co.rtm.profiles.inspection;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Opacity units. Conversion through the effective optical length of 430 mm:
 * k = -ln(1 - N/100) / 0.43 and N = 100 (1 - e^(-0.43 k)).
 */
public enum OpacityUnit {
    K("k"), PERCENT("percent");

    /** Effective optical length of the opacimeter, metres (NTC 4231). */
    public static final double EFFECTIVE_LENGTH_M = 0.43;

    private final String json;

    OpacityUnit(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    public double convert(double value, OpacityUnit to) {
        if (to == this) return value;
        return to == K ? -Math.log(1 - value / 100.0) / EFFECTIVE_LENGTH_M
                       : 100.0 * (1 - Math.exp(-EFFECTIVE_LENGTH_M * value));
    }
}
