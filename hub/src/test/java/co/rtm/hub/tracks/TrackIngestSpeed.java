package co.rtm.hub.tracks;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * GPS fixes ingested per second through MQTT (embedded broker, QoS 1, up to 64 batches in flight, counted on the
 * hub's acks) and through CoAP/DTLS (4 trackers of one station posting one batch at a time each), in batches of
 * 30 fixes, on SQLite in a temp dir. Three runs each, then the median. Not a test.
 *
 * <pre>mvn -o -q -pl hub -am test-compile && java -cp "$(cat /tmp/hub-cp.txt):hub/target/classes:hub/target/test-classes:station-profiles/target/classes" co.rtm.hub.tracks.TrackIngestSpeed [BATCHES]</pre>
 * (docs/benchmarks.md has the class path line).
 */
public final class TrackIngestSpeed {
    static final int FIXES = 30;

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("track-speed");
        HubHome.init(dir);
        double[] mqtt = new double[3];
        double[] coap = new double[3];
        try (HubServer hub = HubServer.start(HubConfig.embedded(dir, 0))) {
            TrackCoapServer trackers = hub.startTrackers(0);
            for (int run = 0; run < 3; run++) {
                mqtt[run] = mqtt(hub, "bench-mqtt-" + run, batches);
                coap[run] = coap(hub, trackers, "bench-coap-" + run, batches);
                System.out.printf(Locale.ROOT, "run %d: mqtt %.0f fixes/s, coap %.0f fixes/s%n", run + 1, mqtt[run], coap[run]);
            }
            FixCounts totals = new TrackReader(hub.database()).totals();
            System.out.println("stored: " + totals);
        }
        Arrays.sort(mqtt);
        Arrays.sort(coap);
        System.out.printf(Locale.ROOT, "median of 3, %d batches of %d fixes: mqtt %.0f fixes/s, coap %.0f fixes/s%n",
                batches, FIXES, mqtt[1], coap[1]);
    }

    private static List<byte[]> envelopes(StationBundle bundle, int batches, long seqFrom) {
        SigningKey key = bundle.signingKey();
        Instant start = Instant.now().minus(Duration.ofDays(1));
        List<byte[]> out = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            List<TrackFix> fixes = new ArrayList<>(FIXES);
            for (int i = 0; i < FIXES; i++) {
                int n = b * FIXES + i;
                fixes.add(new TrackFix(start.plusSeconds(n), 4.6 + n * 0.00005, -74.08, 2600.0, 20.0, 0.0, 0.9, 9, 1));
            }
            TrackBatch batch = TrackBatch.of(new MessageHeader(UUID.randomUUID(), bundle.centerId(), bundle.stationId(),
                    seqFrom + b, "bench", OffsetDateTime.now(ZoneOffset.ofHours(-5))), fixes);
            out.add(Envelope.sign(Json.write(batch), TrackBatch.TYPE, key));
        }
        return out;
    }

    static double mqtt(HubServer hub, String station, int batches) throws Exception {
        StationBundle bundle = hub.provision("CDA-BENCH", station, "cda-light");
        List<byte[]> envelopes = envelopes(bundle, batches, 1);
        String prefix = "runt/v1/" + bundle.centerId() + "/" + station + "/";
        CountDownLatch acked = new CountDownLatch(batches);
        AtomicInteger rejected = new AtomicInteger();
        Semaphore window = new Semaphore(64);
        MqttAsyncClient client = new MqttAsyncClient(hub.mqttUrl(), station, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(bundle.mqtt().username());
        options.setPassword(bundle.mqtt().password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setReceiveMaximum(1000);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                if (new String(Envelope.parse(message.getPayload()).payload(), StandardCharsets.UTF_8).contains("REJECTED")) {
                    rejected.incrementAndGet();
                }
                window.release();
                acked.countDown();
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
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
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(prefix + "ack", 1).waitForCompletion(10_000);
        long t0 = System.nanoTime();
        for (byte[] e : envelopes) {
            window.acquire();
            MqttMessage m = new MqttMessage(e);
            m.setQos(1);
            client.publish(prefix + "track", m);
        }
        if (!acked.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("acks missing: " + acked.getCount());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        client.disconnect().waitForCompletion(5_000);
        client.close();
        if (rejected.get() > 0) {
            throw new IllegalStateException(rejected.get() + " batches rejected");
        }
        return batches * FIXES / seconds;
    }

    static double coap(HubServer hub, TrackCoapServer trackers, String station, int batches) throws Exception {
        StationBundle bundle = hub.provision("CDA-BENCH", station, "cda-light");
        byte[] psk = new TrackerPsks(hub.database(), Clock.systemUTC()).create(station);
        List<byte[]> envelopes = envelopes(bundle, batches, 1);
        String url = trackers.url() + "/tracks/" + bundle.centerId() + "/" + station;
        int threads = 4;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CoapClient> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Configuration config = TrackCoapServer.configuration();
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                    .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(station, psk)).build();
            CoapClient client = new CoapClient(url);
            client.setEndpoint(new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build());
            client.setTimeout(30_000L);
            client.ping(); // handshake outside the timing
            clients.add(client);
        }
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (CoapClient client : clients) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < batches) {
                    try {
                        CoapResponse r = client.post(envelopes.get(i), MediaTypeRegistry.APPLICATION_JSON);
                        if (r == null || r.getCode() != ResponseCode.CHANGED) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        clients.forEach(CoapClient::shutdown);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " posts failed");
        }
        return batches * FIXES / seconds;
    }
}
