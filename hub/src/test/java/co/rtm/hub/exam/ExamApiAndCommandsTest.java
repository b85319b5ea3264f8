package co.rtm.hub.exam;

import static co.rtm.hub.exam.ExamFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.AckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exam endpoints over real HTTP, and the book-exam / record-certificate commands. */
class ExamApiAndCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Correct-horse-battery-42!";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Reply(int status, JsonNode json) {
    }

    private Reply call(ApiServer api, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }

    private String token(ApiServer api, String user) throws Exception {
        Reply r = call(api, "POST", "/api/login", null, Map.of("user", user, "password", PW));
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    @Test
    void supervisorsFindExamsAndNoShowsAndOnlyAdminsRecord() throws Exception {
        try (Database db = Database.openDefault(dir)) {
            ExamFixture f = new ExamFixture(db);
            DocumentId ana = DocumentId.parse("CC-79001"), bea = DocumentId.parse("CC-79002");
            f.certify(ana, LicenceCategory.B1, LocalDate.of(2026, 10, 20));
            String turn = f.book("CALE-1", ana, LicenceCategory.B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            assertThat(f.send(f.theory("theory-1", "CALE-1", ana, LicenceCategory.B1, turn, at("2026-11-02T08:00:00"), 0))
                    .certificateNumber()).isEqualTo(1L);
            f.book("CALE-1", bea, LicenceCategory.B1, ExamPart.THEORY, false, at("2026-11-02T09:00:00"));
            Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
            supervisors.create("test", "admin", Role.ADMIN, PW);
            supervisors.create("test", "sup", Role.SUPERVISOR, PW);
            try (ApiServer api = ApiServer.start(db, 0, supervisors, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none")) {
                String sup = token(api, "sup");
                String admin = token(api, "admin");
                Reply byDocument = call(api, "GET", "/api/exams?document=cc-79001", sup, null);
                assertThat(byDocument.status()).isEqualTo(200);
                assertThat(byDocument.json()).hasSize(1);
                assertThat(byDocument.json().get(0).get("certificateNumber").asLong()).isEqualTo(1);
                assertThat(byDocument.json().get(0).get("turn").asText()).isEqualTo(turn);
                assertThat(call(api, "GET", "/api/exams?certificate=1&center=CALE-1&date=2026-11-02", sup, null).json()).hasSize(1);
                assertThat(call(api, "GET", "/api/exams?date=2026-11-03", sup, null).json()).isEmpty();
                assertThat(call(api, "GET", "/api/exams?center=CALE-2", sup, null).json()).isEmpty();
                assertThat(call(api, "GET", "/api/exams?document=79001", sup, null).status()).isEqualTo(400);
                Reply noShows = call(api, "GET", "/api/exam-bookings?noShows=true", sup, null);
                assertThat(noShows.json()).hasSize(1);
                assertThat(noShows.json().get(0).get("candidate").asText()).isEqualTo("CC-79002");
                assertThat(noShows.json().get(0).get("noShow").asBoolean()).isTrue();

                Map<String, Object> cert = new LinkedHashMap<>(Map.of("kind", "CRC", "number", "CRC-9", "holder", "CC-79002",
                        "category", "B1", "issuedOn", "2026-10-01"));
                assertThat(call(api, "POST", "/api/candidate-certificates", sup, cert).status()).isEqualTo(403);
                Reply recorded = call(api, "POST", "/api/candidate-certificates", admin, cert);
                assertThat(recorded.status()).isEqualTo(201);
                assertThat(recorded.json().get("lastValidDay").asText()).isEqualTo("2027-03-31");
                assertThat(call(api, "POST", "/api/candidate-certificates", admin, cert).status()).isEqualTo(400);
                assertThat(call(api, "GET", "/api/candidate-certificates?holder=CC-79002&category=B1", sup, null).json()).hasSize(1);
                Map<String, Object> booking = Map.of("center", "CALE-1", "turn", "T-web", "candidate", "CC-79002",
                        "category", "B1", "part", "THEORY", "procedure", "FIRST_ISSUE", "startsAt", "2026-11-05T08:00:00-05:00");
                assertThat(call(api, "POST", "/api/exam-bookings", admin, booking).status()).isEqualTo(201);
                assertThat(call(api, "POST", "/api/exam-bookings", admin, booking).status()).isEqualTo(400);
                Map<String, Object> badPart = new LinkedHashMap<>(booking);
                badPart.put("turn", "T-x");
                badPart.put("part", "ORAL");
                assertThat(call(api, "POST", "/api/exam-bookings", admin, badPart).json().get("parameter").asText()).isEqualTo("part");
            }
            assertThat(ExamIngestTest.count(f, "SELECT COUNT(*) FROM audit_log WHERE kind = 'EXAM_TURN_BOOKED' AND detail LIKE '%admin%'"))
                    .isEqualTo(1);
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void commandsBookTurnsAndRecordCertificatesWithOneLineErrors() {
        String d = dir.resolve("hub").toString();
        assertThat(run("init", "--data", d).code()).isZero();
        assertThat(run("register-center", "--data", d, "--center", "CALE-1", "--kind", "CALE").code()).isZero();
        Run booked = run("book-exam", "--data", d, "--center", "CALE-1", "--turn", "T-1", "--candidate", "CC-79001",
                "--category", "B1", "--part", "THEORY", "--starts-at", "2026-11-02T08:00:00-05:00", "--free-retake");
        assertThat(booked.code()).as(booked.err()).isZero();
        assertThat(booked.out()).contains("booked turn T-1 at CALE-1: CC-79001 THEORY B1 (free retake)");
        Run again = run("book-exam", "--data", d, "--center", "CALE-1", "--turn", "T-1", "--candidate", "CC-79001",
                "--category", "B1", "--part", "THEORY", "--starts-at", "2026-11-02T08:00:00-05:00");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("error: turn T-1 is already booked at CALE-1");
        Run crc = run("record-certificate", "--data", d, "--kind", "CRC", "--number", "CRC-1", "--holder", "CC-79001",
                "--category", "B1", "--issued-on", "2026-05-02");
        assertThat(crc.code()).as(crc.err()).isZero();
        assertThat(crc.out()).contains("valid 2026-05-02 to 2026-11-01");
        Run badHolder = run("record-certificate", "--data", d, "--kind", "CEA", "--number", "CEA-1", "--holder", "79001",
                "--category", "B1", "--issued-on", "2026-05-02");
        assertThat(badHolder.code()).isEqualTo(2);
        assertThat(badHolder.err().lines().count()).isEqualTo(1);
        assertThat(run("book-exam", "--data", d, "--center", "CDA-X", "--turn", "T-2", "--candidate", "CC-79001",
                "--category", "B1", "--part", "THEORY", "--starts-at", "2026-11-02T08:00:00-05:00").err())
                .contains("centre CDA-X is not a registered CALE");
    }
}
