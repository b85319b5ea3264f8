package co.rtm.agent.uplink;

import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The Paho plumbing of the tests' stand-in hubs: connects, subscribes (waiting for the SUBACK, and again after every
 * reconnect) and hands each message to a handler; a handler's exception is printed, never thrown into Paho.
 */
public final class TestHubClient {
    /** What a stand-in hub does with one message. */
    @FunctionalInterface
    public interface Handler {
        void onMessage(String topic, MqttMessage message) throws Exception;
    }

    private TestHubClient() {
    }

    public static MqttAsyncClient connect(String uri, MqttSubscription[] subscriptions, Handler handler) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, "test-hub-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        client.subscribe(subscriptions);
                    } catch (MqttException e) {
                        e.printStackTrace();
                    }
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    handler.onMessage(topic, message);
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 1);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(subscriptions).waitForCompletion(10_000);
        return client;
    }
}
