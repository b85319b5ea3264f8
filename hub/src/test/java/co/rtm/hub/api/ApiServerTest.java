package co.rtm.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.Refusal;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP against a real SQLite ledger (no broker: health reports it as "none"). */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PW = "Adm1n-passw0rd";
    private static final String SUP_PW = "Sup3rvisor!x";
    private static final String AUD_PW = "Aud1tor#pass";
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @TempDir
    static Path dir;
    static Database db;
    static ApiServer api;
    static HttpClient http;
    static String approvedMessageId;
    static long approvedFur;
    static long approvedCertificate;

    @BeforeAll
    static void start() {
        db = Database.openDefault(dir);
        Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.createStation("lane-2", "CDA-1", "cda-light@1");
        registry.setCapacityPerHour("lane-1", 2);
        Ledger ledger = new Ledger(db, Clock.systemUTC());
        Outcome first = ledger.accept(inspection("lane-1", 1, "ABC123", Verdict.APPROVED, "2026-11-20T10:15:00-05:00"));
        var receipt = ((Outcome.Accepted) first).receipt();
        approvedMessageId = receipt.messageId();
        approvedFur = receipt.furNumber();
        approvedCertificate = receipt.certificateNumber();
        ledger.accept(inspection("lane-1", 2, "XYZ789", Verdict.REJECTED, "2026-11-20T10:40:00-05:00"));
        ledger.accept(inspection("lane-1", 3, "DEF456", Verdict.APPROVED, "2026-11-20T11:05:00-05:00"));
        ledger.accept(inspection("lane-2", 1, "GHI000", Verdict.APPROVED, "2026-11-20T10:20:00-05:00"));
        // a refusal through the ledger raises an alert in its transaction
        ledger.recordRefusal(new Refusal(UUID.randomUUID().toString(), "CDA-1", "lane-2", "runt/v1/CDA-1/lane-2/inspection",
                "BAD_SIGNATURE", "signature does not verify", new byte[] {1, 2, 3}));
        ledger.recordRefusal(new Refusal(UUID.randomUUID().toString(), "CDA-1", "lane-1", "runt/v1/CDA-1/lane-1/inspection",
                "CAPACITY_EXCEEDED", "3 in 10:00-11:00", new byte[] {4}));

        Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
        supervisors.create("test", "admin", Role.ADMIN, ADMIN_PW);
        supervisors.create("test", "sup", Role.SUPERVISOR, SUP_PW);
        supervisors.create("test", "aud", Role.AUDITOR, AUD_PW);
        supervisors.create("test", "victim", Role.SUPERVISOR, SUP_PW);
        supervisors.create("test", "wrong", Role.SUPERVISOR, SUP_PW);
        IngestCounts counts = new IngestCounts(7, 2, 1, Map.of("BAD_SIGNATURE", 1L, "CAPACITY_EXCEEDED", 1L));
        api = ApiServer.start(db, 0, supervisors, () -> counts, () -> "none");
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
    }

    private static Submission inspection(String station, long seq, String plate, Verdict verdict, String startedAt) {
        String id = UUID.randomUUID().toString();
        String payload = "{\"messageId\":\"" + id + "\",\"vehicle\":{\"plate\":\"" + plate + "\"},\"verdict\":\"" + verdict + "\"}";
        byte[] envelope = ("{\"payload\":" + payload + ",\"signature\":\"sig\"}").getBytes(StandardCharsets.UTF_8);
        var started = OffsetDateTime.parse(startedAt).toInstant();
        return new Submission(id, "CDA-1", station, 1, seq, ResultType.INSPECTION, plate, verdict, started.plusSeconds(600),
                envelope, payload, started, null);
    }

    // ---- HTTP helpers

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    private static Reply post(String path, String token, Object body) {
        try {
            return send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Each login from its own made-up address, so one test's failures do not lock out another's. */
    private static Reply login(String user, String password, String source) {
        try {
            return send(HttpRequest.newBuilder(URI.create(api.url() + "/api/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", source)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user", user, "password", password)))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String freshSource() {
        return "10.0.0." + SOURCES.incrementAndGet();
    }

    private static String token(String user, String password) {
        Reply r = login(user, password, freshSource());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long count(String sql) {
        return db.read(tx -> {
            try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---- tests

    @Test
    void healthAndMetricsNeedNoLoginAndEverythingElseDoes() {
        Reply health = get("/api/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("database").asText()).isEqualTo("up");
        assertThat(health.json().get("broker").asText()).isEqualTo("none");

        Reply anonymous = get("/api/centers", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).contains("log in");
        assertThat(get("/api/centers", "not-a-token").status()).isEqualTo(401);
        assertThat(get("/api/nothing-here", null).status()).isEqualTo(404);
    }

    @Test
    void wrongPasswordIs401AndIsAudited() {
        long before = count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_LOGIN_FAILED' AND subject = 'wrong'");
        Reply r = login("wrong", "Not-the-passw0rd", freshSource());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("wrong user name or password");
        assertThat(r.body()).doesNotContain("token");
        assertThat(login("nobody", SUP_PW, freshSource()).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_LOGIN_FAILED' AND subject = 'wrong'"))
                .isEqualTo(before + 1);
    }

    @Test
    void sixthAttemptForOneUserIs429EvenWithTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            assertThat(login("victim", "Wrong-passw0rd" + i, freshSource()).status()).as("attempt " + i).isEqualTo(401);
        }
        Reply sixth = login("victim", SUP_PW, freshSource());
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(sixth.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(800L, 900L);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_LOGIN_LOCKED' AND subject = 'victim'"))
                .isEqualTo(1);
    }

    @Test
    void sixthAttemptFromOneAddressIs429WhateverTheUser() {
        String source = freshSource();
        for (int i = 1; i <= 5; i++) {
            assertThat(login("guess" + i, "Wrong-passw0rd", source).status()).isEqualTo(401);
        }
        assertThat(login("admin", ADMIN_PW, source).status()).isEqualTo(429);
        // another address is not affected
        assertThat(login("admin", ADMIN_PW, freshSource()).status()).isEqualTo(200);
    }

    @Test
    void aWeakNewPasswordIsRefusedWithWhatItLacks() {
        String sup = token("sup", SUP_PW);
        Reply weak = post("/api/password", sup, Map.of("currentPassword", SUP_PW, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("parameter").asText()).isEqualTo("newPassword");
        assertThat(weak.json().get("error").asText())
                .contains("at least 10 characters", "an upper-case letter", "a digit", "a special character");
        Reply noSpecial = post("/api/password", sup, Map.of("currentPassword", SUP_PW, "newPassword", "Abcdefghij1"));
        assertThat(noSpecial.json().get("error").asText()).contains("a special character")
                .doesNotContain("a digit").doesNotContain("upper-case");

        String admin = token("admin", ADMIN_PW);
        Reply weakUser = post("/api/users", admin, Map.of("user", "newbie", "role", "auditor", "password", "alllowercase!1"));
        assertThat(weakUser.status()).isEqualTo(400);
        assertThat(weakUser.json().get("error").asText()).contains("an upper-case letter");
    }

    @Test
    void passwordChangeWorksIsAuditedAndTheOldPasswordStopsWorking() {
        String admin = token("admin", ADMIN_PW);
        assertThat(post("/api/users", admin, Map.of("user", "changer", "role", "supervisor", "password", SUP_PW)).status())
                .isEqualTo(201);
        String t = token("changer", SUP_PW);
        assertThat(post("/api/password", t, Map.of("currentPassword", SUP_PW, "newPassword", "N3w-password!")).status())
                .isEqualTo(204);
        assertThat(login("changer", SUP_PW, freshSource()).status()).isEqualTo(401);
        assertThat(login("changer", "N3w-password!", freshSource()).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_PASSWORD_CHANGED' AND subject = 'changer'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_CREATED' AND subject = 'changer'"))
                .isEqualTo(1);
    }

    @Test
    void onlyAdminsManageUsers() {
        String sup = token("sup", SUP_PW);
        assertThat(get("/api/users", sup).status()).isEqualTo(403);
        assertThat(post("/api/users", sup, Map.of("user", "x", "role", "admin", "password", SUP_PW)).status()).isEqualTo(403);
        String admin = token("admin", ADMIN_PW);
        Reply users = get("/api/users", admin);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("\"sup\"").doesNotContain("argon2");
    }

    @Test
    void logoutEndsTheSession() {
        String t = token("aud", AUD_PW);
        assertThat(get("/api/me", t).json().get("role").asText()).isEqualTo("AUDITOR");
        assertThat(post("/api/logout", t, Map.of()).status()).isEqualTo(204);
        assertThat(get("/api/me", t).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_LOGOUT' AND subject = 'aud'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM supervisor_sessions WHERE token_sha256 = '" + t + "'"))
                .as("tokens are stored hashed").isZero();
    }

    @Test
    void anAuditorCannotAcknowledgeAnAlertASupervisorCanAndItIsAudited() {
        String aud = token("aud", AUD_PW);
        Reply open = get("/api/alerts?open=true", aud);
        assertThat(open.status()).isEqualTo(200);
        JsonNode capacity = null;
        for (JsonNode a : open.json()) {
            if (a.get("kind").asText().equals("CAPACITY_EXCEEDED")) {
                capacity = a;
            }
        }
        assertThat(capacity).as(open.body()).isNotNull();
        long id = capacity.get("id").asLong();
        assertThat(capacity.get("stationId").asText()).isEqualTo("lane-1");

        Reply denied = post("/api/alerts/" + id + "/ack", aud, Map.of("comment", "seen"));
        assertThat(denied.status()).isEqualTo(403);

        String sup = token("sup", SUP_PW);
        Reply acked = post("/api/alerts/" + id + "/ack", sup, Map.of("comment", "lane 1 told to slow down"));
        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        assertThat(acked.json().get("ackedBy").asText()).isEqualTo("sup");
        assertThat(post("/api/alerts/" + id + "/ack", sup, Map.of("comment", "again")).status()).isEqualTo(409);
        assertThat(post("/api/alerts/999999/ack", sup, Map.of()).status()).isEqualTo(404);
        assertThat(post("/api/alerts/abc/ack", sup, Map.of()).json().get("parameter").asText()).isEqualTo("id");

        for (JsonNode a : get("/api/alerts?open=true", aud).json()) {
            assertThat(a.get("id").asLong()).isNotEqualTo(id);
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'ALERT_ACKNOWLEDGED' AND subject = 'alert:" + id + "'"))
                .isEqualTo(1);
        var verification = new LedgerVerifier(db).verify();
        assertThat(verification.report().auditChainOk()).as(verification.problems().toString()).isTrue();
        assertThat(verification.report().ok()).isTrue();
    }

    @Test
    void searchFindsAnInspectionByPlateFurAndCertificate() {
        String aud = token("aud", AUD_PW);
        Reply byPlate = get("/api/inspections?plate=abc123", aud);
        assertThat(byPlate.status()).isEqualTo(200);
        assertThat(byPlate.json()).hasSize(1);
        assertThat(byPlate.json().get(0).get("messageId").asText()).isEqualTo(approvedMessageId);

        Reply byFur = get("/api/inspections?center=CDA-1&fur=" + approvedFur, aud);
        assertThat(byFur.json()).hasSize(1);
        assertThat(byFur.json().get(0).get("subject").asText()).isEqualTo("ABC123");

        Reply byCertificate = get("/api/inspections?certificate=" + approvedCertificate, aud);
        assertThat(byCertificate.json()).hasSize(1);
        assertThat(byCertificate.json().get(0).get("messageId").asText()).isEqualTo(approvedMessageId);

        Reply inRange = get("/api/inspections?from=" + q("2026-11-20T11:00:00-05:00") + "&to=2026-11-21", aud);
        assertThat(inRange.json()).extracting(n -> n.get("subject").asText()).containsExactly("DEF456");

        Reply detail = get("/api/inspections/" + approvedMessageId, aud);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("payload").get("vehicle").get("plate").asText()).isEqualTo("ABC123");
        assertThat(get("/api/inspections/" + UUID.randomUUID(), aud).status()).isEqualTo(404);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        String aud = token("aud", AUD_PW);
        assertThat(get("/api/inspections?fur=abc", aud).json().get("parameter").asText()).isEqualTo("fur");
        assertThat(get("/api/inspections?from=yesterday", aud).json().get("parameter").asText()).isEqualTo("from");
        assertThat(get("/api/refusals?limit=5000", aud).json().get("parameter").asText()).isEqualTo("limit");
        assertThat(get("/api/refusals?offset=-1", aud).json().get("parameter").asText()).isEqualTo("offset");
        assertThat(get("/api/alerts?open=maybe", aud).json().get("parameter").asText()).isEqualTo("open");
        assertThat(get("/api/capacity?date=2026-11-20", aud).json().get("parameter").asText()).isEqualTo("center");
        assertThat(get("/api/ledger.csv?from=2026-11-21&to=2026-11-20", aud).json().get("parameter").asText()).isEqualTo("to");
        Reply r = get("/api/inspections?certificate=x", aud);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void refusalsAndPagination() {
        String aud = token("aud", AUD_PW);
        Reply all = get("/api/refusals", aud);
        assertThat(all.json()).hasSize(2);
        Reply one = get("/api/refusals?reason=BAD_SIGNATURE", aud);
        assertThat(one.json()).hasSize(1);
        assertThat(one.json().get(0).get("stationId").asText()).isEqualTo("lane-2");
        assertThat(get("/api/refusals?limit=1", aud).json()).hasSize(1);
        assertThat(get("/api/refusals?limit=1&offset=1", aud).json().get(0).get("id").asLong())
                .isNotEqualTo(get("/api/refusals?limit=1", aud).json().get(0).get("id").asLong());
        assertThat(get("/api/centers", aud).json().get(0).get("id").asText()).isEqualTo("CDA-1");
        assertThat(get("/api/centers/CDA-1", aud).json().get("stations")).hasSize(2);
        assertThat(get("/api/centers/NOPE", aud).status()).isEqualTo(404);
        assertThat(get("/api/stations?center=CDA-1", aud).json()).hasSize(2);
        assertThat(get("/api/stations/lane-1", aud).json().get("capacityPerHour").asInt()).isEqualTo(2);
    }

    @Test
    void capacityCountsInspectionsPerLanePerBogotaClockHour() {
        String sup = token("sup", SUP_PW);
        Reply r = get("/api/capacity?center=CDA-1&date=2026-11-20", sup);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode lanes = r.json().get("lanes");
        assertThat(lanes).hasSize(2);
        JsonNode lane1 = lanes.get(0);
        assertThat(lane1.get("stationId").asText()).isEqualTo("lane-1");
        assertThat(lane1.get("capacityPerHour").asInt()).isEqualTo(2);
        assertThat(lane1.get("total").asLong()).isEqualTo(3);
        assertThat(lane1.get("hours")).hasSize(2);
        assertThat(lane1.get("hours").get(0).get("hour").asText()).isEqualTo("10:00");
        assertThat(lane1.get("hours").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(lane1.get("hours").get(0).get("over").asBoolean()).isFalse();
        assertThat(lane1.get("hours").get(1).get("hour").asText()).isEqualTo("11:00");
        assertThat(lane1.get("hours").get(1).get("count").asLong()).isEqualTo(1);
        JsonNode lane2 = lanes.get(1);
        assertThat(lane2.get("capacityPerHour").isNull()).isTrue();
        assertThat(lane2.get("hours").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(get("/api/capacity?center=CDA-1&date=2026-11-21", sup).json().get("lanes").get(0).get("total").asLong()).isZero();
    }

    @Test
    void ledgerCsvHasAHeaderAndOneLinePerResult() {
        String aud = token("aud", AUD_PW);
        Reply r = get("/api/ledger.csv", aud);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = new ArrayList<>(List.of(r.body().split("\r\n")));
        assertThat(lines.get(0)).isEqualTo(String.join(",", ReadModel.CSV_HEADER));
        assertThat(lines).hasSize(1 + (int) count("SELECT COUNT(*) FROM results"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(approvedMessageId).contains("ABC123").contains("APPROVED"));
        Reply none = get("/api/ledger.csv?to=2000-01-01", aud);
        assertThat(none.body().split("\r\n")).hasSize(1);
    }

    @Test
    void metricsHaveTheIngestCountersAndResultsByVerdict() {
        Reply r = get("/api/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE rtm_ingest_accepted_total counter\nrtm_ingest_accepted_total 7\n")
                .contains("rtm_ingest_duplicates_total 2\n")
                .contains("rtm_ingest_refused_total{reason=\"BAD_SIGNATURE\"} 1\n")
                .contains("rtm_ledger_results_total{verdict=\"APPROVED\"} 3\n")
                .contains("rtm_ledger_results_total{verdict=\"REJECTED\"} 1\n")
                .contains("rtm_ledger_results_total{verdict=\"INCOMPLETE\"} 0\n");
    }

    @Test
    void everyRouteRegisteredInJavalinIsInOpenApi() throws Exception {
        JsonNode spec = new YAMLMapper().readTree(Path.of("..", "docs", "openapi.yaml").toFile());
        assertThat(spec.get("openapi").asText()).startsWith("3.");
        List<String> registered = api.registeredInJavalin();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(api.routeSignatures());
        List<String> documented = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(m)) {
                documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void auditEntriesOfSupervisorsKeepTheChainIntact() {
        token("admin", ADMIN_PW);
        var v = new LedgerVerifier(db).verify();
        assertThat(v.report().auditChainOk()).as(v.problems().toString()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'SUPERVISOR_LOGIN' AND subject = 'admin'")).isPositive();
    }
}
