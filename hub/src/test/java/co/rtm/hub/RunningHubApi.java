package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.broker.StationClient;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running hub (embedded broker, SQLite) with its REST API, an admin and a supervisor logged in. */
abstract class RunningHubApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SOURCES = new AtomicInteger(1);

    @TempDir
    static Path dir;
    static HubServer hub;
    static ApiServer api;
    static HttpClient http = HttpClient.newHttpClient();
    static String admin;
    static String sup;

    @BeforeAll
    static void start() throws Exception {
        HubHome.init(dir);
        hub = HubServer.start(HubConfig.embedded(dir, 0));
        Supervisors s = new Supervisors(hub.database(), Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
        s.create("test", "admin", Role.ADMIN, "Adm1n-passw0rd");
        s.create("test", "sup", Role.SUPERVISOR, "Sup3rvisor!x");
        api = hub.startApi(0);
        admin = login("admin", "Adm1n-passw0rd");
        sup = login("sup", "Sup3rvisor!x");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    record Reply(int status, JsonNode json, String body) {
    }

    static Reply send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.2.0." + SOURCES.incrementAndGet());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String login(String user, String password) {
        Reply r = send("POST", "/api/login", null, Map.of("user", user, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static long count(String sql, String arg) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

}
