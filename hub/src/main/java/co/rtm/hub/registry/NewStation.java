package co.rtm.hub.registry;

/**
 * A station just created, with its MQTT password in clear. This is the only time the password is
 * available: only its hash is stored.
 */
public record NewStation(Station station, String mqttPassword) {
    @Override
    public String toString() {
        return "NewStation[station=" + station + ", mqttPassword=<redacted>]";
    }
}
