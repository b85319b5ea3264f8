package co.rtm.profiles.vehicle;

import com.fasterxml.jackson.annotation.JsonValue;

/** The vehicle families NTC 5375 scores differently. JSON names are the wire contract (DESIGN §5). */
public enum VehicleKind {
    LIGHT("light"), HEAVY("heavy"), MOTORCYCLE("motorcycle"), MOTOCARRO("motocarro");

    private final String json;

    VehicleKind(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    /** Motorcycles and motocarros share the two-/three-wheel rules (brakes without left/right, idle-only gas). */
    public boolean isMotorcycleFamily() { return this == MOTORCYCLE || this == MOTOCARRO; }

    public static VehicleKind fromJson(String s) { return JsonEnums.parse(values(), s, VehicleKind::json); }
}
