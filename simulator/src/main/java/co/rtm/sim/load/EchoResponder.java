package co.rtm.sim.load;

import co.rtm.profiles.wire.NoDelaySockets;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * The far end of the baseline: one client with the hub's topic rights, subscribed (QoS 1) to every station's
 * {@code status} topic, that answers each message at once on its response topic with the correlation data echoed and
 * the payload unchanged. No parsing, no signature, no database: what is left is broker, network and Paho.
 */
final class EchoResponder implements AutoCloseable {
    static final String FILTER = "runt/v1/+/+/status";
    private static final long TIMEOUT_MS = 15_000;

    private final MqttAsyncClient client;
    /**
     * Replies are published from their own thread: waiting out Paho's in-flight limit on the callback thread would
     * block the PUBACKs that end the wait (Paho's receiver stalls once the callback queue is full).
     */
    private final ExecutorService replier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-echo-reply");
        t.setDaemon(true);
        return t;
    });
    final AtomicLong echoed = new AtomicLong();
    final AtomicLong inflightRetries = new AtomicLong();

    private EchoResponder(MqttAsyncClient client) {
        this.client = client;
    }

    private void reply(String topic, MqttMessage reply) {
        while (true) {
            try {
                client.publish(topic, reply);
                echoed.incrementAndGet();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != Lane.TOO_MANY_PUBLISHES) {
                    System.err.println("load: baseline reply failed: " + e);
                    return;
                }
                inflightRetries.incrementAndGet();
                LockSupport.parkNanos(100_000);
            }
        }
    }

    static EchoResponder connect(String url, String user, byte[] password, boolean nagle) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, user, new MemoryPersistence());
        EchoResponder echo = new EchoResponder(client);
        client.setCallback(echo.new Echo());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password);
        options.setCleanStart(true);
        if (!nagle) {
            options.setSocketFactory(NoDelaySockets.INSTANCE);
        }
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken sub = client.subscribe(new MqttSubscription[] {new MqttSubscription(FILTER, 1)}, null, null,
                new MqttProperties());
        sub.waitForCompletion(TIMEOUT_MS);
        int[] codes = sub.getReasonCodes();
        if (codes == null || codes.length != 1 || codes[0] >= 0x80) {
            throw new MqttException(codes != null && codes.length == 1 ? codes[0] : 0x87);
        }
        return echo;
    }

    @Override
    public void close() {
        replier.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // end of the baseline
        }
    }

    private final class Echo implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws MqttException {
            MqttProperties in = message.getProperties();
            if (in == null || in.getResponseTopic() == null) {
                return;
            }
            MqttProperties out = new MqttProperties();
            out.setCorrelationData(in.getCorrelationData());
            MqttMessage reply = new MqttMessage(message.getPayload(), 1, false, out);
            String responseTopic = in.getResponseTopic();
            replier.execute(() -> reply(responseTopic, reply));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("load: baseline responder disconnected: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("load: baseline responder: " + exception);
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
    }

    static byte[] payload() {
        return "online".getBytes(StandardCharsets.US_ASCII);
    }
}
