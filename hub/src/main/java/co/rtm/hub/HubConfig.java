package co.rtm.hub;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a hub.
 *
 * @param dataDir           prepared by {@code hub init}: hub key, hub MQTT credential, SQLite database, broker state
 * @param mqttPort          the embedded broker's port on 127.0.0.1; 0 picks a free one (ignored with an external broker)
 * @param jdbcUrl           null for SQLite in {@code dataDir}; else e.g. {@code jdbc:postgresql://...}
 * @param externalBrokerUrl null to run the embedded broker; else an MQTT 5 broker URL, subscribed to with
 *                          {@code $share/hub/...} so several instances share the work
 * @param instanceId        this hub's MQTT client id and user name (stable across restarts: it names the session)
 * @param mqttTlsPort       the embedded broker's TLS port on 127.0.0.1; 0 picks a free one; -1 for no TLS listener
 */
public record HubConfig(Path dataDir, int mqttPort, String jdbcUrl, String externalBrokerUrl, String instanceId,
                        int mqttTlsPort) {
    public static final int NO_TLS = -1;
    public static final String DEFAULT_INSTANCE_ID = "hub";
    public static final int DEFAULT_MQTT_PORT = 1883;

    public HubConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(instanceId, "instanceId");
        if (mqttPort < 0 || mqttPort > 65_535) {
            throw new IllegalArgumentException("MQTT port out of range: " + mqttPort);
        }
        if (mqttTlsPort < NO_TLS || mqttTlsPort > 65_535) {
            throw new IllegalArgumentException("MQTT TLS port out of range: " + mqttTlsPort);
        }
    }

    /** Without a TLS listener. */
    public HubConfig(Path dataDir, int mqttPort, String jdbcUrl, String externalBrokerUrl, String instanceId) {
        this(dataDir, mqttPort, jdbcUrl, externalBrokerUrl, instanceId, NO_TLS);
    }

    /** The same with the embedded broker's TLS listener on {@code port} (0 = a free one). */
    public HubConfig withMqttTlsPort(int port) {
        return new HubConfig(dataDir, mqttPort, jdbcUrl, externalBrokerUrl, instanceId, port);
    }

    /** Embedded broker on {@code mqttPort}, SQLite in {@code dataDir}, instance {@code hub}. */
    public static HubConfig embedded(Path dataDir, int mqttPort) {
        return new HubConfig(dataDir, mqttPort, null, null, DEFAULT_INSTANCE_ID);
    }
}
