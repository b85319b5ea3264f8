package co.rtm.hub.exam;

import static co.rtm.hub.exam.ExamFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.documents.QrDecoding;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate of an approved CALE exam (art. 3.7.3.2.5): printable, sealed, verifiable by its QR; none for a failed one. */
class CaleCertificateDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Sup3rvisor!x";

    @TempDir
    Path dir;

    @Test
    void anApprovedExamsCertificatePdfCarriesAQrThatVerifiesForTheCandidatesDocument() throws Exception {
        try (Database db = Database.openDefault(dir)) {
            ExamFixture f = new ExamFixture(db);
            DocumentId ana = DocumentId.parse("CC-79123456");
            DocumentId bea = DocumentId.parse("CC-79002");
            f.certify(ana, LicenceCategory.B1, LocalDate.of(2026, 10, 20));
            f.certify(bea, LicenceCategory.B1, LocalDate.of(2026, 10, 20));
            String turn = f.book("CALE-1", ana, LicenceCategory.B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            long number = f.send(f.theory("theory-1", "CALE-1", ana, LicenceCategory.B1, turn, at("2026-11-02T08:00:00"), 0))
                    .certificateNumber();
            String failedTurn = f.book("CALE-1", bea, LicenceCategory.B1, ExamPart.THEORY, false, at("2026-11-02T09:00:00"));
            var failed = f.send(f.theory("theory-2", "CALE-1", bea, LicenceCategory.B1, failedTurn, at("2026-11-02T09:00:00"), 10));
            assertThat(failed.certificateNumber()).isNull();

            Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
            supervisors.create("test", "sup", Role.SUPERVISOR, PW);
            try (ApiServer api = ApiServer.start(db, 0, supervisors, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none",
                    null, f.hubKey)) {
                HttpClient http = HttpClient.newHttpClient();
                String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/login"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"sup\",\"password\":\"" + PW + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
                HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/certificates/CALE/"
                        + number + ".pdf")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pdf.statusCode()).isEqualTo(200);
                assertThat(QrDecoding.text(pdf.body())).contains("CALE-" + number, "CC-79123456", "CALE uno", "categoría B1");
                String qr = QrDecoding.qrOfFirstPage(pdf.body());
                assertThat(qr).startsWith("RTM1.CALE." + number + ".CC-79123456.");

                JsonNode sealed = get(http, api.url() + "/api/public/verify?qr=" + URLEncoder.encode(qr, StandardCharsets.UTF_8));
                assertThat(sealed.get("genuine").asBoolean()).isTrue();
                assertThat(sealed.get("document").asText()).isEqualTo("CC-79123456");
                assertThat(sealed.has("plate")).isFalse();
                // anyone may ask about a bare number: the document is masked then
                JsonNode bare = get(http, api.url() + "/api/public/verify?number=CALE-" + number);
                assertThat(bare.get("genuine").asBoolean()).isTrue();
                assertThat(bare.get("document").asText()).isEqualTo("CC-****3456");
                // the same number as an RTM certificate was never issued
                assertThat(get(http, api.url() + "/api/public/verify?qr=" + URLEncoder.encode(
                        qr.replace("RTM1.CALE.", "RTM1.RTM."), StandardCharsets.UTF_8)).get("genuine").asBoolean()).isFalse();
            }
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
