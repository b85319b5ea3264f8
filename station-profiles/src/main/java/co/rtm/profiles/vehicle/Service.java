package co.rtm.profiles.vehicle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Service class from the vehicle's licence; it selects the type-B rejection count. */
public enum Service {
    PARTICULAR("particular"), PUBLICO("publico"), OFICIAL("oficial"), DIPLOMATICO("diplomatico"), ENSENANZA("ensenanza");

    private final String json;

    Service(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    public static Service fromJson(String s) { return JsonEnums.parse(values(), s, Service::json); }
}
