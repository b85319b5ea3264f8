package co.rtm.hub.home;

import co.rtm.hub.store.Database;
import co.rtm.hub.tls.BrokerCa;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A hub's data directory, as {@code hub init} lays it out:
 * <pre>
 * hub-key.json   the hub's Ed25519 signing key (acks, config), 0600
 * hub-mqtt.json  the password the hub's own MQTT client uses on the embedded broker, 0600
 * hub.db         the SQLite database (unless serve is given --db)
 * broker-ca*.pem, broker-server*.pem   the broker's CA and TLS server certificate (see BrokerCa)
 * broker/        the embedded broker's configuration and persistent sessions
 * </pre>
 */
public final class HubHome {
    public static final String HUB_KEY_FILE = "hub-key.json";
    public static final String HUB_MQTT_FILE = "hub-mqtt.json";
    public static final String BROKER_DIR = "broker";
    /** The hub key's id in ack envelopes and station bundles. */
    public static final String HUB_KEY_ID = "hub#1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HubHome.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #init} created, one line per thing, for the command line to print. */
    public record InitReport(Path dataDir, String hubKeyId, String hubPublicKey, List<String> created) {
        public InitReport {
            created = List.copyOf(created);
        }
    }

    private final Path dir;
    private final SigningKey hubKey;
    private final byte[] hubMqttPassword;

    private HubHome(Path dir, SigningKey hubKey, byte[] hubMqttPassword) {
        this.dir = dir;
        this.hubKey = hubKey;
        this.hubMqttPassword = hubMqttPassword;
    }

    /**
     * Creates the directory, the hub key, the hub's MQTT credential and the migrated SQLite database.
     *
     * @throws IllegalStateException if a hub key is already there: it is never overwritten
     */
    public static InitReport init(Path dir) throws IOException {
        Path keyFile = dir.resolve(HUB_KEY_FILE);
        if (Files.exists(keyFile)) {
            throw new IllegalStateException(keyFile + " already exists; refusing to replace the hub key");
        }
        List<String> created = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            created.add(dir.toAbsolutePath() + " (data directory)");
        }
        SigningKey key = Ed25519Keys.generate(HUB_KEY_ID);
        ObjectNode keyJson = JSON.createObjectNode()
                .put("kid", key.kid())
                .put("seed", key.seedBase64Url())
                .put("publicKey", key.verificationKey().toBase64Url());
        SecretFiles.writeNew(keyFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(keyJson));
        created.add(keyFile.toAbsolutePath() + " (hub signing key " + key.kid() + ", public key "
                + key.verificationKey().toBase64Url() + ", mode 0600)");

        Path mqttFile = dir.resolve(HUB_MQTT_FILE);
        if (!Files.exists(mqttFile)) {
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            ObjectNode mqtt = JSON.createObjectNode()
                    .put("password", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            SecretFiles.writeNew(mqttFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(mqtt));
            created.add(mqttFile.toAbsolutePath() + " (hub MQTT credential for the embedded broker, mode 0600)");
        }
        BrokerCa.create(dir, Clock.systemUTC(), created);
        Path db = dir.resolve("hub.db");
        boolean existed = Files.exists(db);
        try (Database ignored = Database.openDefault(dir)) {
            created.add(db.toAbsolutePath() + (existed ? " (database already there, migrated)" : " (SQLite database, migrated)"));
        }
        return new InitReport(dir, key.kid(), key.verificationKey().toBase64Url(), created);
    }

    /**
     * Opens a directory {@link #init} prepared.
     *
     * @throws IllegalStateException if it was not initialised or its files are damaged
     */
    public static HubHome open(Path dir) throws IOException {
        JsonNode key = readJson(dir.resolve(HUB_KEY_FILE));
        JsonNode mqtt = readJson(dir.resolve(HUB_MQTT_FILE));
        try {
            SigningKey hubKey = Ed25519Keys.signingKey(text(key, "kid", HUB_KEY_FILE), text(key, "seed", HUB_KEY_FILE));
            byte[] password = text(mqtt, "password", HUB_MQTT_FILE).getBytes(StandardCharsets.UTF_8);
            return new HubHome(dir, hubKey, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(dir.resolve(HUB_KEY_FILE) + " holds no usable key: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public SigningKey hubKey() {
        return hubKey;
    }

    public byte[] hubMqttPassword() {
        return hubMqttPassword.clone();
    }

    /**
     * The broker CA of this home. A home made before the hub had one gets it now (the created files are
     * logged), so {@code serve} and {@code provision-station} keep working on old homes.
     */
    public BrokerCa brokerCa() throws IOException {
        List<String> created = new ArrayList<>();
        BrokerCa ca = BrokerCa.openOrCreate(dir, Clock.systemUTC(), created);
        created.forEach(line -> LOG.info("this hub home had no broker CA; created {}", line));
        return ca;
    }

    public Path brokerDir() {
        return dir.resolve(BROKER_DIR);
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + " not found; run 'hub init --data " + file.getParent() + "' first");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(file + " is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field, String file) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException(file + " has no '" + field + "'");
        }
        return value.asText();
    }
}
