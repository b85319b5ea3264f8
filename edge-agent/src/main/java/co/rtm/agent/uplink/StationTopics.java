package co.rtm.agent.uplink;

import java.util.Objects;
import java.util.regex.Pattern;

/** The MQTT topics of one station (DESIGN §3): {@code runt/v1/{centerId}/{stationId}/...}. */
public record StationTopics(String centerId, String stationId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public StationTopics {
        for (String id : new String[] {centerId, stationId}) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a valid topic level id: " + id);
            }
        }
    }

    /** The topic a message of this type is published on: {@code inspection}, {@code exam}, {@code track}, {@code event}. */
    public String forType(String type) {
        Objects.requireNonNull(type, "type");
        return base() + type;
    }

    /** Hub -> station acks; also the responseTopic of every published message. */
    public String ack() {
        return base() + "ack";
    }

    /** Hub -> station configuration (retained). */
    public String config() {
        return base() + "config";
    }

    /** Station -> hub {@code online}/{@code offline} (retained; {@code offline} is the will). */
    public String status() {
        return base() + "status";
    }

    private String base() {
        return "runt/v1/" + centerId + "/" + stationId + "/";
    }
}
