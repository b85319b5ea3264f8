package co.rtm.profiles.profile;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a station does: an inspection lane at a CDA (fixed or mobile), or a CALE theory or practical station. */
public enum StationType {
    CDA_LANE("cda-lane"), CALE_THEORY("cale-theory"), CALE_PRACTICAL("cale-practical");

    private final String json;

    StationType(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }
}
