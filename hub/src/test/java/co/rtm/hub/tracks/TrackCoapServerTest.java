package co.rtm.hub.tracks;

import static co.rtm.hub.tracks.TrackFixtures.batch;
import static co.rtm.hub.tracks.TrackFixtures.drive;
import static co.rtm.hub.tracks.TrackFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Scandium client against the trackers' endpoint: right PSK, wrong PSK, another station's path. */
class TrackCoapServerTest {
    @TempDir
    Path dir;
    Database db;
    TrackCoapServer server;
    TrackerPsks psks;
    Registry registry;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");

    @BeforeEach
    void setUp() {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        registry = new Registry(db, clock, 1_000);
        Ingestor ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ZERO),
                Scorer.builtIn(), hubKey, (t, c, a) -> { }, clock);
        psks = new TrackerPsks(db, clock);
        server = TrackCoapServer.start(ingestor, psks, 0);
    }

    @AfterEach
    void tearDown() {
        server.close();
        db.close();
    }

    /** Posts as {@code identity} with {@code psk}; null when the DTLS handshake did not complete. */
    CoapResponse post(String identity, byte[] psk, String path, byte[] payload) throws Exception {
        Configuration config = TrackCoapServer.configuration();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, psk))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        CoapClient client = new CoapClient(server.url() + path);
        try {
            client.setEndpoint(endpoint);
            client.setTimeout(4_000L);
            return client.post(payload, MediaTypeRegistry.APPLICATION_JSON);
        } catch (java.io.IOException | org.eclipse.californium.elements.exception.ConnectorException e) {
            return null;
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    private long fixes() {
        return new TrackReader(db).totals().accepted();
    }

    @Test
    void aTrackerWithItsPskPostsASignedBatchAndItIsStored() throws Exception {
        SigningKey key = TrackFixtures.register(registry, "tracker-1");
        byte[] psk = psks.create("tracker-1");
        TrackBatch batch = batch("tracker-1", 1, drive(Instant.now().minusSeconds(60), 30, 4.6));
        byte[] envelope = signed(batch, key);

        CoapResponse response = post("tracker-1", psk, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope);
        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        Envelope ackEnvelope = Envelope.parse(response.getPayload());
        assertThat(ackEnvelope.verify(hubKey.verificationKey())).isTrue();
        Ack ack = Json.read(ackEnvelope.payload(), Ack.class);
        assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(ack.messageId()).isEqualTo(batch.messageId());
        assertThat(fixes()).isEqualTo(30);

        CoapResponse again = post("tracker-1", psk, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope);
        assertThat(Json.read(Envelope.parse(again.getPayload()).payload(), Ack.class).status()).isEqualTo(AckStatus.DUPLICATE);
        assertThat(fixes()).isEqualTo(30);

        CoapResponse garbage = post("tracker-1", psk, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", "{}".getBytes());
        assertThat(garbage.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
    }

    @Test
    void aWrongPskFailsTheHandshakeAndAnotherStationsPathIsForbidden() throws Exception {
        SigningKey key1 = TrackFixtures.register(registry, "tracker-1");
        TrackFixtures.register(registry, "tracker-2");
        byte[] psk1 = psks.create("tracker-1");
        byte[] psk2 = psks.create("tracker-2");
        byte[] envelope = signed(batch("tracker-1", 1, drive(Instant.now().minusSeconds(60), 5, 4.6)), key1);

        byte[] wrong = Arrays.copyOf(psk1, psk1.length);
        wrong[0] ^= 1;
        assertThat(post("tracker-1", wrong, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope)).isNull();
        assertThat(post("nobody", psk1, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope)).isNull();

        CoapResponse foreign = post("tracker-2", psk2, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope);
        assertThat(foreign).isNotNull();
        assertThat(foreign.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        // its own path, but tracker-1's batch: the signature names another station
        CoapResponse mislabelled = post("tracker-2", psk2, "/tracks/" + TrackFixtures.CENTER + "/tracker-2", envelope);
        assertThat(mislabelled.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(fixes()).isZero();

        assertThat(post("tracker-1", psk1, "/tracks/" + TrackFixtures.CENTER + "/tracker-1", envelope).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(fixes()).isEqualTo(5);
    }
}
