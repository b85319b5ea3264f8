package co.rtm.profiles.vehicle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Fuel; it decides which emission test applies (gas analyser, opacimeter, or none). */
public enum Fuel {
    GASOLINE("gasoline"), DIESEL("diesel"), GNV("gnv"), GLP("glp"), ELECTRIC("electric"), HYBRID("hybrid");

    private final String json;

    Fuel(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    /** Spark-ignition engines are measured with the gas analyser (NTC 4983 / NTC 5365). */
    public boolean isSparkIgnition() { return this == GASOLINE || this == GNV || this == GLP || this == HYBRID; }

    public boolean isCombustion() { return this != ELECTRIC; }

    public static Fuel fromJson(String s) { return JsonEnums.parse(values(), s, Fuel::json); }
}
