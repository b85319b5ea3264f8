package co.rtm.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.ledger.LedgerVerifier;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's registry writes over real HTTP against a real SQLite database: who may, what is stored, the audit. */
class RegistryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PW = "Adm1n-passw0rd";
    private static final String SUP_PW = "Sup3rvisor!x";
    private static final String AUD_PW = "Aud1tor#pass";
    private static final AtomicInteger SOURCES = new AtomicInteger(100);

    @TempDir
    static Path dir;
    static Database db;
    static ApiServer api;
    static HttpClient http;
    static String admin;
    static String sup;
    static String aud;

    @BeforeAll
    static void start() {
        db = Database.openDefault(dir);
        Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createCenter("CDA-2", CenterKind.CDA, "CDA dos", "F002");
        registry.createCenter("CALE-1", CenterKind.CALE, "CALE uno", null);
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
        supervisors.create("test", "admin", Role.ADMIN, ADMIN_PW);
        supervisors.create("test", "sup", Role.SUPERVISOR, SUP_PW);
        supervisors.create("test", "aud", Role.AUDITOR, AUD_PW);
        api = ApiServer.start(db, 0, supervisors, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none");
        http = HttpClient.newHttpClient();
        admin = token("admin", ADMIN_PW);
        sup = token("sup", SUP_PW);
        aud = token("aud", AUD_PW);
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
    }

    record Reply(int status, JsonNode json, String body) {
    }

    private static Reply send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.1.0." + SOURCES.incrementAndGet());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String token(String user, String password) {
        Reply r = send("POST", "/api/login", null, Map.of("user", user, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static long audits(String kind, String subject) {
        return audits(kind, subject, "%");
    }

    /** Entries of that kind and subject whose detail names {@code by} as the user who made the change. */
    private static long auditsBy(String kind, String subject, String by) {
        return audits(kind, subject, "%\"by\":\"" + by + "\"%");
    }

    private static long audits(String kind, String subject, String detailLike) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT COUNT(*) FROM audit_log WHERE kind = ? AND subject = ? AND detail LIKE ?")) {
                ps.setString(1, kind);
                ps.setString(2, subject);
                ps.setString(3, detailLike);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void assertAuditChainOk() {
        var v = new LedgerVerifier(db).verify();
        assertThat(v.report().auditChainOk()).as(v.problems().toString()).isTrue();
    }

    @Test
    void adminSetsRulesAndLocationVisibleInGetAndAudited() {
        Map<String, Object> body = map("centerClass", "B", "hours", "mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed",
                "accreditedUntil", "2027-06-30", "environmentalUntil", "2027-03-31", "department", "Cundinamarca",
                "municipality", "Soacha", "address", "Calle 13 # 7-20", "latitude", 4.5794, "longitude", -74.2168);
        Reply put = send("PUT", "/api/centers/CDA-1/rules", admin, body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("centerClass").asText()).isEqualTo("B");
        assertThat(put.json().get("environmentalUntil").asText()).isEqualTo("2027-03-31");
        assertThat(put.json().get("latitude").asDouble()).isEqualTo(4.5794);

        // absent keeps, null clears
        Reply partial = send("PUT", "/api/centers/CDA-1/rules", admin, map("address", null, "accreditedUntil", "2028-01-31"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);

        JsonNode center = send("GET", "/api/centers/CDA-1", aud, null).json();
        assertThat(center.get("centerClass").asText()).isEqualTo("B");
        assertThat(center.get("openingHours").asText()).isEqualTo("mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed");
        assertThat(center.get("accreditedUntil").asText()).isEqualTo("2028-01-31");
        assertThat(center.get("environmentalUntil").asText()).isEqualTo("2027-03-31");
        assertThat(center.get("department").asText()).isEqualTo("Cundinamarca");
        assertThat(center.get("municipality").asText()).isEqualTo("Soacha");
        assertThat(center.get("address").isNull()).isTrue();
        assertThat(center.get("longitude").asDouble()).isEqualTo(-74.2168);
        assertThat(center.get("people").isArray()).isTrue();

        assertThat(audits("CENTER_RULES_SET", "CDA-1")).isEqualTo(2);
        assertThat(auditsBy("CENTER_RULES_SET", "CDA-1", "admin")).isEqualTo(2);
        assertAuditChainOk();
    }

    @Test
    void onlyAnAdminMayWrite() {
        for (String token : new String[] {sup, aud}) {
            assertThat(send("PUT", "/api/centers/CDA-2/rules", token, map("centerClass", "A")).status()).isEqualTo(403);
            assertThat(send("PUT", "/api/stations/lane-1/capacity", token, map("capacityPerHour", 3)).status()).isEqualTo(403);
            assertThat(send("POST", "/api/centers/CDA-2/people", token,
                    map("document", "CC-79123456", "name", "Ana", "role", "inspector")).status()).isEqualTo(403);
            assertThat(send("DELETE", "/api/centers/CDA-2/people/CC-79123456", token, null).status()).isEqualTo(403);
        }
        assertThat(send("PUT", "/api/centers/CDA-2/rules", null, map("centerClass", "A")).status()).isEqualTo(401);
        assertThat(send("GET", "/api/centers/CDA-2", sup, null).json().get("centerClass").isNull()).isTrue();
        assertThat(audits("CENTER_RULES_SET", "CDA-2")).isZero();
    }

    @Test
    void badInputIs400NamingTheFieldAndUnknownIs404() {
        Reply hours = send("PUT", "/api/centers/CDA-2/rules", admin, map("hours", "mon-fri 7-18"));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.json().get("parameter").asText()).isEqualTo("hours");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, map("centerClass", "E")))).isEqualTo("centerClass");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, map("environmentalUntil", "31/03/2027"))))
                .isEqualTo("environmentalUntil");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, map("latitude", 4.5)))).isEqualTo("longitude");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, map("latitude", 95, "longitude", 1)))).isEqualTo("latitude");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, map("colour", "red")))).isEqualTo("colour");
        assertThat(param(send("PUT", "/api/centers/CALE-1/rules", admin, map("centerClass", "A")))).isEqualTo("centerClass");
        assertThat(param(send("PUT", "/api/stations/lane-1/capacity", admin, map("capacityPerHour", -1)))).isEqualTo("capacityPerHour");
        assertThat(param(send("PUT", "/api/stations/lane-1/capacity", admin, map("capacityPerHour", 2.5)))).isEqualTo("capacityPerHour");
        assertThat(param(send("POST", "/api/centers/CDA-2/people", admin,
                map("document", "CC-12", "name", "Ana", "role", "inspector")))).isEqualTo("document");
        assertThat(param(send("POST", "/api/centers/CDA-2/people", admin,
                map("document", "CC-79123456", "name", "Ana", "role", "boss")))).isEqualTo("role");
        assertThat(param(send("PUT", "/api/centers/CDA-2/rules", admin, "[1]"))).isEqualTo("body");
        assertThat(audits("CENTER_RULES_SET", "CDA-2")).isZero();

        assertThat(send("PUT", "/api/centers/NOPE/rules", admin, map("centerClass", "A")).status()).isEqualTo(404);
        assertThat(send("PUT", "/api/stations/nope/capacity", admin, map("capacityPerHour", 3)).status()).isEqualTo(404);
        assertThat(send("POST", "/api/centers/NOPE/people", admin,
                map("document", "CC-79123456", "name", "Ana", "role", "inspector")).status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/centers/CDA-2/people/CC-99999999", admin, null).status()).isEqualTo(404);
        assertThat(send("POST", "/api/centers/CALE-1/people", admin,
                map("document", "CC-79123456", "name", "Ana", "role", "inspector")).status()).isEqualTo(409);
    }

    private static String param(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("parameter").asText();
    }

    @Test
    void capacityIsSetAndZeroMeansUnlimited() {
        Reply set = send("PUT", "/api/stations/lane-1/capacity", admin, map("capacityPerHour", 12));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("capacityPerHour").asInt()).isEqualTo(12);
        assertThat(send("GET", "/api/stations/lane-1", sup, null).json().get("capacityPerHour").asInt()).isEqualTo(12);
        Reply unlimited = send("PUT", "/api/stations/lane-1/capacity", admin, map("capacityPerHour", 0));
        assertThat(unlimited.json().get("capacityPerHour").isNull()).isTrue();
        assertThat(send("GET", "/api/stations/lane-1", sup, null).json().get("capacityPerHour").isNull()).isTrue();
        assertThat(auditsBy("LANE_CAPACITY_SET", "lane-1", "admin")).isEqualTo(2);
        assertAuditChainOk();
    }

    @Test
    void peopleAreRegisteredAndDeactivatedAndShownWithTheCentre() {
        Reply added = send("POST", "/api/centers/CDA-1/people", admin,
                map("document", "CC-1020304050", "name", " Luz Pérez ", "role", "technical-director"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("document").asText()).isEqualTo("CC-1020304050");
        assertThat(added.json().get("name").asText()).isEqualTo("Luz Pérez");
        assertThat(added.json().get("role").asText()).isEqualTo("TECHNICAL_DIRECTOR");
        assertThat(added.json().get("active").asBoolean()).isTrue();

        Reply gone = send("DELETE", "/api/centers/CDA-1/people/CC-1020304050", admin, null);
        assertThat(gone.status()).as(gone.body()).isEqualTo(200);
        assertThat(gone.json().get("active").asBoolean()).isFalse();

        JsonNode people = send("GET", "/api/centers/CDA-1", aud, null).json().get("people");
        assertThat(people).hasSize(1);
        assertThat(people.get(0).get("document").asText()).isEqualTo("CC-1020304050");
        assertThat(people.get(0).get("active").asBoolean()).isFalse();
        assertThat(auditsBy("PERSON_REGISTERED", "CDA-1/CC-1020304050", "admin")).isEqualTo(1);
        assertThat(auditsBy("PERSON_DEACTIVATED", "CDA-1/CC-1020304050", "admin")).isEqualTo(1);
        assertAuditChainOk();
    }
}
