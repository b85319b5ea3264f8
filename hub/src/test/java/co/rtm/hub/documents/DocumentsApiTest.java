package co.rtm.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.ledger.CertificateKind;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Receipt;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.scoring.Defect;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FURs, certificates and their public verification over real HTTP, on a real SQLite ledger whose results were
 * accepted through {@link Ledger}; PDFs read back with PDFBox and QR codes decoded with ZXing from the rendered page.
 */
class DocumentsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Sup3rvisor!x";

    @TempDir
    static Path dir;
    static Database db;
    static ApiServer api;
    static HttpClient http;
    static String token;
    static SigningKey hubKey;
    static Receipt approved;
    static Receipt approved2;
    static Receipt rejected;
    static ObjectNode approvedInput;
    static ObjectNode rejectedInput;

    @BeforeAll
    static void start() throws Exception {
        db = Database.openDefault(dir);
        Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA Uno <Bogotá>", "F001");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        Ledger ledger = new Ledger(db, Clock.systemUTC());
        approvedInput = Inspections.approved("ABC123");
        rejectedInput = Inspections.rejected("XYZ789");
        approved = Inspections.accept(ledger, 1, approvedInput, "CC-1010");
        rejected = Inspections.accept(ledger, 2, rejectedInput, "CC-1010");
        approved2 = Inspections.accept(ledger, 3, Inspections.approved("DEF456"));
        // registered after the fact so the inspector rule stays off for the submissions above; the FUR finds the name
        new People(db, Clock.systemUTC()).register("CDA-1", DocumentId.parse("CC-1010"), "Ana Pérez", PersonRole.INSPECTOR);

        Supervisors supervisors = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
        supervisors.create("test", "aud", Role.AUDITOR, PW);
        hubKey = Ed25519Keys.generate("hub#1");
        api = ApiServer.start(db, 0, supervisors, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none", null, hubKey);
        http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"aud\",\"password\":\"" + PW + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(login.body()).get("token").asText();
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
    }

    private static HttpResponse<byte[]> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path));
        if (withToken) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode verify(String query) throws Exception {
        HttpResponse<byte[]> r = get("/api/public/verify?" + query, false);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theFurOfAnApprovedInspectionShowsEveryMeasurementWithItsLimitInHtmlAndPdf() throws Exception {
        HttpResponse<byte[]> page = get("/api/inspections/" + approved.messageId() + "/fur", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = text(page);
        assertThat(html).contains("F001-" + String.format("%06d", approved.furNumber()), "ABC123", "APROBADO",
                "RTM-" + approved.certificateNumber(), "Ana Pérez (CC-1010)", "CDA Uno &lt;Bogotá&gt;", "lane-1",
                "No consignado en el mensaje").doesNotContain("<Bogotá>", "http://", "https://");
        // the example's brake forces give 60 % service efficiency against the 50 % minimum of NTC 5375
        assertThat(html).containsPattern("Frenos</td><td>serviceEfficiencyPct</td><td>[0-9.]+</td><td>≥ 50</td><td>%</td><td>Cumple");
        // the example carries one sensory type B defect (no measurement fails)
        ScoreResult score = Inspections.score(approvedInput);
        assertThat(score.defects()).isNotEmpty().allMatch(d -> d.limit() == null);
        for (Defect d : score.defects()) {
            assertThat(html).contains("<td>" + d.code() + "</td><td>" + d.type() + "</td>");
        }
        assertThat(html).doesNotContain("No cumple");

        byte[] pdf = get("/api/inspections/" + approved.messageId() + "/fur.pdf", true).body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String pdfText = QrDecoding.text(pdf);
        assertThat(pdfText).contains("F001-" + String.format("%06d", approved.furNumber()), "ABC123", "APROBADO",
                "serviceEfficiencyPct", ">= 50", "Ana Pérez", "Cumple");
    }

    @Test
    void theFurOfARejectedInspectionListsItsDefectsByCodeAndTypeAndNoCertificate() throws Exception {
        ScoreResult score = Inspections.score(rejectedInput);
        assertThat(score.defects()).isNotEmpty();
        String html = text(get("/api/inspections/" + rejected.messageId() + "/fur", true));
        String pdfText = QrDecoding.text(get("/api/inspections/" + rejected.messageId() + "/fur.pdf", true).body());
        assertThat(html).contains("RECHAZADO", "XYZ789", "No se expide (resultado rechazado)",
                score.typeA() + " tipo A, " + score.typeB() + " tipo B");
        assertThat(pdfText).contains("RECHAZADO", "XYZ789", "No se expide");
        for (Defect d : score.defects()) {
            assertThat(html).contains("<td>" + d.code() + "</td><td>" + d.type() + "</td>");
            assertThat(pdfText).contains(d.code());
            if (d.limit() != null) {
                // the failing measurement row names the defect it raised
                assertThat(html).contains("No cumple: " + d.code());
            }
        }
        // 0.5 mm of tread is below the limit and CO at idle of 6 % above it
        assertThat(html).containsPattern("<td>0.5</td><td>≥ [0-9.]+</td><td>mm</td><td>No cumple");
        assertThat(pdfText).contains("No cumple");

        assertThat(rejected.certificateNumber()).isNull();
        HttpResponse<byte[]> none = get("/api/inspections/" + rejected.messageId() + "/certificate", true);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(text(none)).contains("has no certificate").contains("REJECTED");
        assertThat(get("/api/inspections/" + approved.messageId() + "/certificate", true).statusCode()).isEqualTo(200);
        assertThat(get("/api/inspections/no-such-id/fur", true).statusCode()).isEqualTo(404);
    }

    @Test
    void aQrDecodedFromTheRenderedCertificatePdfVerifiesOnThePublicEndpoint() throws Exception {
        HttpResponse<byte[]> pdf = get("/api/certificates/RTM/" + approved.certificateNumber() + ".pdf", true);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String qr = QrDecoding.qrOfFirstPage(pdf.body());
        assertThat(qr).startsWith("RTM1.RTM." + approved.certificateNumber() + ".ABC123.");
        assertThat(QrDecoding.text(pdf.body())).contains("RTM-" + approved.certificateNumber(), "ABC123");

        JsonNode answer = verify("qr=" + q(qr));
        assertThat(answer.get("genuine").asBoolean()).isTrue();
        assertThat(answer.get("checked").asText()).isEqualTo("seal");
        assertThat(answer.get("plate").asText()).isEqualTo("ABC123");
        assertThat(answer.get("number").asLong()).isEqualTo(approved.certificateNumber());
        Instant issued = Instant.parse(answer.get("issuedAt").asText());
        assertThat(issued).isBetween(Instant.now().minusSeconds(600), Instant.now());

        HttpResponse<byte[]> page = get("/verify?qr=" + q(qr), false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("AUTÉNTICO", "ABC123").doesNotContain("NO AUTÉNTICO");

        // the HTML certificate carries the same seal, inline (no external assets)
        String html = text(get("/api/certificates/rtm/" + approved.certificateNumber(), true));
        assertThat(html).contains(qr, "<svg", "ABC123").doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void aTamperedSealIsNotGenuine() throws Exception {
        String qr = CertificateSeal.sign(new Seal(CertificateKind.RTM, approved.certificateNumber(), "ABC123",
                new Certificates(db).find(CertificateKind.RTM, approved.certificateNumber()).orElseThrow().issuedAt()), hubKey);
        assertThat(verify("qr=" + q(qr)).get("genuine").asBoolean()).isTrue();
        byte[] key = hubKey.verificationKey().raw();
        CertificateVerifier verifier = new CertificateVerifier(new Certificates(db), key);
        // every single changed character, the signature's padding bits included
        for (int i = 0; i < qr.length(); i++) {
            char c = qr.charAt(i);
            for (char other : new char[] {c == 'A' ? 'B' : 'A', c == '1' ? '2' : '1', (char) (c ^ 1)}) {
                if (other == c) {
                    continue;
                }
                String bad = qr.substring(0, i) + other + qr.substring(i + 1);
                assertThat(verifier.qr(bad).genuine()).as("changed at %d: %s", i, bad).isFalse();
            }
        }
        // over HTTP: a changed plate, a signature by another key, a number never issued, two certificates' numbers swapped
        Certificates certificates = new Certificates(db);
        IssuedCertificate second = certificates.find(CertificateKind.RTM, approved2.certificateNumber()).orElseThrow();
        String otherPlate = qr.replace(".ABC123.", ".ABC124.");
        String otherKey = CertificateSeal.sign(new Seal(CertificateKind.RTM, approved.certificateNumber(), "ABC123",
                second.issuedAt()), Ed25519Keys.generate("hub#1"));
        String neverIssued = CertificateSeal.sign(new Seal(CertificateKind.RTM, 999_999, "ABC123", second.issuedAt()), hubKey);
        String swapped = CertificateSeal.sign(new Seal(CertificateKind.RTM, second.number(), "ABC123", second.issuedAt()), hubKey);
        String unsignedSwap = qr.replace(".RTM." + approved.certificateNumber() + ".", ".RTM." + second.number() + ".");
        for (String bad : List.of(otherPlate, otherKey, neverIssued, swapped, unsignedSwap, "hola", qr + "x")) {
            JsonNode answer = verify("qr=" + q(bad));
            assertThat(answer.get("genuine").asBoolean()).as(bad).isFalse();
            assertThat(answer.get("reason").asText()).isNotBlank();
            assertThat(answer.has("plate")).isFalse();
            assertThat(text(get("/verify?qr=" + q(bad), false))).contains("NO AUTÉNTICO");
        }
        assertThat(verify("qr=" + q(neverIssued)).get("reason").asText()).contains("never issued");
        assertThat(verify("qr=" + q(swapped)).get("reason").asText()).contains("another plate");
    }

    @Test
    void aNumberAloneSaysWhetherItWasIssuedAndForWhichPlate() throws Exception {
        JsonNode answer = verify("number=" + approved2.certificateNumber());
        assertThat(answer.get("genuine").asBoolean()).isTrue();
        assertThat(answer.get("checked").asText()).isEqualTo("number");
        assertThat(answer.get("plate").asText()).isEqualTo("DEF456");
        assertThat(verify("number=RTM-" + approved2.certificateNumber()).get("plate").asText()).isEqualTo("DEF456");
        assertThat(verify("number=424242").get("genuine").asBoolean()).isFalse();
        assertThat(verify("number=CALE-" + approved2.certificateNumber()).get("genuine").asBoolean()).isFalse();
        assertThat(verify("number=abc").get("genuine").asBoolean()).isFalse();
        assertThat(get("/api/public/verify", false).statusCode()).isEqualTo(400);
        assertThat(text(get("/verify", false))).contains("<form", "name=\"qr\"").doesNotContain("AUTÉNTICO");
    }

    @Test
    void publicRoutesNeedNoLoginAndDocumentRoutesDo() throws Exception {
        assertThat(get("/verify", false).statusCode()).isEqualTo(200);
        assertThat(get("/api/public/verify?number=1", false).statusCode()).isEqualTo(200);
        assertThat(get("/api/public/hub-key", false).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/inspections/" + approved.messageId() + "/fur",
                "/api/inspections/" + approved.messageId() + "/fur.pdf",
                "/api/inspections/" + approved.messageId() + "/certificate",
                "/api/certificates/RTM/" + approved.certificateNumber(),
                "/api/certificates/RTM/" + approved.certificateNumber() + ".pdf")) {
            assertThat(get(path, false).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, true).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/api/certificates/RTM/424242", true).statusCode()).isEqualTo(404);
        assertThat(get("/api/certificates/XYZ/1", true).statusCode()).isEqualTo(400);
    }

    @Test
    void theOfflineCheckAcceptsTheSealWithThePublishedKeyAndRefusesATamperedOne() throws Exception {
        HttpResponse<byte[]> key = get("/api/public/hub-key", false);
        JsonNode jwk = JSON.readTree(key.body());
        assertThat(jwk.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(jwk.get("x").asText()).isEqualTo(hubKey.verificationKey().toBase64Url());
        Path keyFile = dir.resolve("hub-key.jwk");
        Files.write(keyFile, key.body());
        String qr = QrDecoding.qrOfFirstPage(get("/api/certificates/RTM/" + approved.certificateNumber() + ".pdf", true).body());

        Run ok = run("verify-qr", "--key", keyFile.toString(), "--qr", qr);
        assertThat(ok.code).as(ok.err).isZero();
        JsonNode out = JSON.readTree(ok.out);
        assertThat(out.get("signed").asBoolean()).isTrue();
        assertThat(out.get("subject").asText()).isEqualTo("ABC123");
        assertThat(out.get("number").asLong()).isEqualTo(approved.certificateNumber());

        Run bad = run("verify-qr", "--key", keyFile.toString(), "--qr", qr.replace(".ABC123.", ".ABC124."));
        assertThat(bad.code).isEqualTo(1);
        assertThat(JSON.readTree(bad.out).get("signed").asBoolean()).isFalse();

        Files.writeString(dir.resolve("bad.key"), "not a key");
        Run badKey = run("verify-qr", "--key", dir.resolve("bad.key").toString(), "--qr", qr);
        assertThat(badKey.code).isEqualTo(2);
        assertThat(badKey.err.strip()).startsWith("error:").doesNotContain("\n");

        // the JDK-only snippet of docs/documents.md, with the bare key
        assertThat(OfflineSnippet.verify(qr, jwk.get("x").asText())).isTrue();
        assertThat(OfflineSnippet.verify(qr.replace(".ABC123.", ".ABC124."), jwk.get("x").asText())).isFalse();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
