package co.rtm.hub.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A minimal edge agent for tests: Paho MQTT 5, clean start, records what it receives. */
public final class StationClient implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;
    private static final Pattern DISCONNECT_RC = Pattern.compile("Disconnect RC: (\\d+)");

    private final MqttAsyncClient client;
    private final List<MqttMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> receivedTopics = new CopyOnWriteArrayList<>();

    private StationClient(MqttAsyncClient client) {
        this.client = client;
    }

    public static StationClient connect(String url, String stationId, String password) throws MqttException {
        return connect(url, stationId, stationId, password, null);
    }

    /** @param willTopic null for no will */
    public static StationClient connect(String url, String clientId, String username, String password, String willTopic)
            throws MqttException {
        return connect(url, clientId, username, password, willTopic, null);
    }

    /**
     * Over TLS ({@code ssl://} url) with these sockets and host name verification on; {@code username} and
     * {@code password} may be null (a client certificate in {@code tls} is then the credential).
     */
    public static StationClient connectTls(String url, String clientId, String username, String password,
                                           javax.net.ssl.SSLSocketFactory tls) throws MqttException {
        return connect(url, clientId, username, password, null, tls);
    }

    private static StationClient connect(String url, String clientId, String username, String password, String willTopic,
                                         javax.net.ssl.SSLSocketFactory tls) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        StationClient station = new StationClient(client);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                station.receivedTopics.add(topic);
                station.received.add(message);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (tls != null) {
            options.setSocketFactory(tls);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        if (willTopic != null) {
            options.setWill(willTopic, new MqttMessage("offline".getBytes(StandardCharsets.UTF_8), 1, false, null));
        }
        try {
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return station;
    }

    /**
     * Publishes with QoS 1 and returns the PUBACK reason code (0 = success). When the broker
     * answers with a DISCONNECT instead, Paho either completes the token with the disconnect
     * reason code or throws; both come back here as that reason code.
     */
    public int publish(String topic, String payload, String responseTopic, byte[] correlationData) throws MqttException {
        return publish(topic, payload, responseTopic, correlationData, false);
    }

    /** As {@link #publish(String, String)}, retained. */
    public int publishRetained(String topic, String payload) throws MqttException {
        return publish(topic, payload, null, null, true);
    }

    private int publish(String topic, String payload, String responseTopic, byte[] correlationData, boolean retained)
            throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(responseTopic);
        properties.setCorrelationData(correlationData);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, retained, properties);
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(TIMEOUT_MS);
            return token.getReasonCodes()[0];
        } catch (MqttException e) {
            Matcher disconnect = DISCONNECT_RC.matcher(String.valueOf(e.getMessage()));
            if (disconnect.find()) {
                return Integer.parseInt(disconnect.group(1));
            }
            throw e;
        }
    }

    public int publish(String topic, String payload) throws MqttException {
        return publish(topic, payload, null, null);
    }

    /** Subscribes with QoS 1 and returns the SUBACK reason code (0..2 = granted QoS). */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
        token.waitForCompletion(TIMEOUT_MS);
        return token.getReasonCodes()[0];
    }

    public List<MqttMessage> received() {
        return received;
    }

    public List<String> receivedTopics() {
        return receivedTopics;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Drops the connection without DISCONNECT, as a crash would: the broker publishes the will. */
    public void crash() throws MqttException {
        client.disconnectForcibly(0, 1_000, false);
        client.close(true);
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // already dropped by the broker
        }
        client.close(true);
    }
}
