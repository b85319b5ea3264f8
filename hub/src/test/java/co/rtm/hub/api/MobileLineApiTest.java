package co.rtm.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mobile line's stays and report over real HTTP, on SQLite: who may, the refusal statuses, the 30 days to leave. */
class MobileLineApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PW = "Adm1n-passw0rd";
    private static final String SUP_PW = "Sup3rvisor!x";
    private static final AtomicInteger SOURCES = new AtomicInteger(100);

    @TempDir
    static Path dir;
    static Database db;
    static ApiServer api;
    static HttpClient http;
    static String admin;
    static String sup;

    @BeforeAll
    static void start() {
        db = Database.openDefault(dir);
        Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
        registry.createCenter("MOB-1", CenterKind.MOBILE, "Linea movil", "M001");
        registry.createCenter("MOB-2", CenterKind.MOBILE, "Linea movil dos", "M002");
        registry.createCenter("CDA-AMZ", CenterKind.CDA, "CDA Amazonas", "F100");
        Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
        supervisors.create("test", "admin", Role.ADMIN, ADMIN_PW);
        supervisors.create("test", "sup", Role.SUPERVISOR, SUP_PW);
        api = ApiServer.start(db, 0, supervisors, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none");
        http = HttpClient.newHttpClient();
        admin = token("admin", ADMIN_PW);
        sup = token("sup", SUP_PW);
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
    }

    record Reply(int status, JsonNode json, String body, String contentType) {
    }

    private static Reply send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.2.0." + SOURCES.incrementAndGet());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Reply(r.statusCode(), json, r.body(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String token(String user, String password) {
        Reply r = send("POST", "/api/login", null, Map.of("user", user, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    private static Map<String, Object> stay(String code, String from, String to) {
        return Map.of("municipalityCode", code, "from", from, "to", to);
    }

    @Test
    void adminSchedulesOthersReadRefusalsCarryTheirCode() {
        assertThat(send("POST", "/api/centers/MOB-1/stays", sup, stay("97001", "2030-01-01", "2030-01-31")).status())
                .isEqualTo(403);
        Reply created = send("POST", "/api/centers/MOB-1/stays", admin, stay("97001", "2030-01-01", "2030-01-31"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("municipalityCode").asText()).isEqualTo("97001");
        assertThat(created.json().get("leaveBy").isNull()).isTrue();

        Reply shortStay = send("POST", "/api/centers/MOB-1/stays", admin, stay("97001", "2030-03-01", "2030-03-30"));
        assertThat(shortStay.status()).isEqualTo(400);
        assertThat(shortStay.json().get("error").asText()).startsWith("SHORTER_THAN_A_MONTH: ");
        Reply overlap = send("POST", "/api/centers/MOB-1/stays", admin, stay("97161", "2030-01-31", "2030-03-31"));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("error").asText()).startsWith("OVERLAPS: ");
        assertThat(send("POST", "/api/centers/MOB-1/stays", admin, stay("00000", "2030-05-01", "2030-05-31")).status())
                .isEqualTo(400);
        assertThat(send("POST", "/api/centers/MOB-1/stays", admin, Map.of("municipalityCode", "97001", "from", "2030-05-01",
                "to", "2030-05-31", "extra", 1)).status()).isEqualTo(400);
        assertThat(send("POST", "/api/centers/CDA-AMZ/stays", admin, stay("97001", "2030-05-01", "2030-05-31")).status())
                .isEqualTo(409);
        assertThat(send("POST", "/api/centers/NOPE/stays", admin, stay("97001", "2030-05-01", "2030-05-31")).status())
                .isEqualTo(404);

        Reply list = send("GET", "/api/centers/MOB-1/stays", sup, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(send("DELETE", "/api/centers/MOB-1/stays/" + id, sup, null).status()).isEqualTo(403);
        assertThat(send("DELETE", "/api/centers/MOB-1/stays/" + id, admin, null).status()).isEqualTo(204);
        assertThat(send("DELETE", "/api/centers/MOB-1/stays/" + id, admin, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/centers/MOB-1/stays", sup, null).json()).isEmpty();
    }

    @Test
    void locatingAFixedCdaOverTheApiGivesTheLineThirtyDaysAndBlocksNewStays() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        Reply current = send("POST", "/api/centers/MOB-2/stays", admin,
                stay("91001", today.minusDays(3).toString(), today.plusMonths(2).toString()));
        assertThat(current.status()).as(current.body()).isEqualTo(201);
        Reply located = send("PUT", "/api/centers/CDA-AMZ/rules", admin, Map.of("latitude", -3.7703, "longitude", -70.3831));
        assertThat(located.status()).as(located.body()).isEqualTo(200);
        JsonNode stays = send("GET", "/api/centers/MOB-2/stays", sup, null).json();
        assertThat(stays.get(0).get("leaveBy").asText()).isEqualTo(today.plusDays(30).toString());
        Reply blocked = send("POST", "/api/centers/MOB-2/stays", admin, stay("91001", "2031-01-01", "2031-01-31"));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("error").asText()).startsWith("FIXED_CDA_WITHIN_50_KM: ").contains("CDA-AMZ");
        JsonNode alerts = send("GET", "/api/alerts", sup, null).json();
        assertThat(alerts.toString()).contains("MOBILE_LINE_MUST_LEAVE", today.plusDays(30).toString());
    }

    @Test
    void theReportIsJsonOrCsvForAMonth() {
        Reply json = send("GET", "/api/mobile-lines/MOB-1/report?month=2026-11", sup, null);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("month").asText()).isEqualTo("2026-11");
        assertThat(json.json().get("inspections").asLong()).isZero();
        Reply csv = send("GET", "/api/mobile-lines/MOB-1/report?month=2026-11&format=csv", sup, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("line,month,municipality_code,");
        assertThat(send("GET", "/api/mobile-lines/MOB-1/report?month=November", sup, null).status()).isEqualTo(400);
        assertThat(send("GET", "/api/mobile-lines/MOB-1/report", sup, null).status()).isEqualTo(400);
        assertThat(send("GET", "/api/mobile-lines/NOPE/report?month=2026-11", sup, null).status()).isEqualTo(404);
    }
}
