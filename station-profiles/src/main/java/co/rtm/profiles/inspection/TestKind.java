package co.rtm.profiles.inspection;

import co.rtm.profiles.vehicle.JsonEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** The tests of an inspection; JSON names are the {@code test} field of defects and invalid entries (DESIGN §5). */
public enum TestKind {
    BRAKES("brakes"), SUSPENSION("suspension"), SIDESLIP("sideslip"), LIGHTS("lights"), TYRES("tyres"),
    GAS("gas"), OPACITY("opacity"), NOISE("noise"), TAXIMETER("taximeter"), SENSORY("sensory");

    private final String json;

    TestKind(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    public static TestKind fromJson(String s) { return JsonEnums.parse(values(), s, TestKind::json); }
}
