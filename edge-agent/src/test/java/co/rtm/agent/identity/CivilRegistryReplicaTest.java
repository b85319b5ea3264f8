package co.rtm.agent.identity;

import co.rtm.agent.identity.IdentityException.Reason;
import co.rtm.agent.login.Prints;
import co.rtm.profiles.person.DocumentId;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replica on a real SQLite file, with the committed synthetic prints (person 1, person 1 again, person 2). */
class CivilRegistryReplicaTest {

    private static final DocumentId ANA = DocumentId.parse("CC-79123456");
    private static final DocumentId LUIS = DocumentId.parse("CC-80111222");
    private static final Instant T0 = Instant.parse("2026-03-02T13:00:00Z");

    @TempDir
    Path dir;

    private CivilRegistryReplica open(double threshold) throws Exception {
        return CivilRegistryReplica.open(dir.resolve("replica.db"), threshold, new Captures(),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void verifiesALiveCaptureOneToOne() throws Exception {
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, null);
            r.enrolImage(LUIS, "Luis Gómez", Prints.png(Prints.PERSON2), 500, null);

            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON1_AGAIN), 500))
                    .isInstanceOfSatisfying(Verification.Match.class, m -> assertThat(m.score()).isGreaterThanOrEqualTo(40));
            // Luis's finger presented with Ana's document: an impostor
            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON2), 500))
                    .isInstanceOfSatisfying(Verification.NoMatch.class, n -> assertThat(n.score()).isLessThan(40));
            assertThat(r.verifyImage(DocumentId.parse("CC-123456"), Prints.png(Prints.PERSON1), 500))
                    .isInstanceOf(Verification.NotEnrolled.class);
        }
    }

    @Test
    void anUnusableCaptureIsLowQualityWithItsReason() throws Exception {
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, null);
            byte[] blank = java.nio.file.Files.readAllBytes(Prints.blank(dir.resolve("blank.png")));
            assertThat(r.verifyImage(ANA, blank, 500)).isInstanceOfSatisfying(Verification.LowQuality.class,
                    q -> assertThat(q.reason()).contains("minutiae"));
            assertThat(r.verifyImage(ANA, "not an image".getBytes(StandardCharsets.UTF_8), 500))
                    .isInstanceOfSatisfying(Verification.LowQuality.class, q -> assertThat(q.reason()).contains("unreadable"));
        }
    }

    @Test
    void theThresholdIsConfigurable() throws Exception {
        double score;
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, null);
            score = ((Verification.Match) r.verifyImage(ANA, Prints.png(Prints.PERSON1_AGAIN), 500)).score();
        }
        try (CivilRegistryReplica r = open(score + 1)) {
            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON1_AGAIN), 500))
                    .isEqualTo(new Verification.NoMatch(score));
        }
    }

    @Test
    void enrolmentRefusalsSayWhy() throws Exception {
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, null);
            byte[] blank = java.nio.file.Files.readAllBytes(Prints.blank(dir.resolve("blank.png")));

            assertThatThrownBy(() -> r.enrolImage(LUIS, "Luis", "GIF89a...".getBytes(StandardCharsets.US_ASCII), 500, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_IMAGE));
            assertThatThrownBy(() -> r.enrolImage(LUIS, "Luis", blank, 500, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOW_QUALITY);
                        assertThat(e.getMessage()).contains("minutiae");
                    });
            assertThatThrownBy(() -> r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON2), 500, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_DOCUMENT);
                        assertThat(e.getMessage()).isEqualTo("CC-79123456 is already enrolled in the replica");
                    });
            assertThatThrownBy(() -> CivilRegistryReplica.document("PA-12345"))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT));
            assertThatThrownBy(() -> r.enrolImage(LUIS, " ", Prints.png(Prints.PERSON2), 500, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD));
            assertThat(r.size()).isEqualTo(1);
            assertThat(r.citizen(LUIS)).isEmpty();
        }
    }

    @Test
    void documentsAreReadWithADashOrAColon() throws Exception {
        assertThat(CivilRegistryReplica.document("cc:79123456")).isEqualTo(ANA);
        assertThat(CivilRegistryReplica.document("CC-79123456")).isEqualTo(ANA);
    }

    @Test
    void theReplicaPersistsAcrossReopen() throws Exception {
        byte[] photo = "jpeg bytes of the registry photo".getBytes(StandardCharsets.UTF_8);
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, photo);
            r.enrolImage(LUIS, "Luis Gómez", Prints.png(Prints.PERSON2), 500, null);
        }
        try (CivilRegistryReplica r = open(40)) {
            assertThat(r.size()).isEqualTo(2);
            Citizen ana = r.citizen(ANA).orElseThrow();
            assertThat(ana.fullName()).isEqualTo("Ana Pérez");
            assertThat(ana.enrolledAt()).isEqualTo(T0);
            assertThat(ana.photoSha256()).hasSize(64).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
            assertThat(r.citizen(LUIS).orElseThrow().photoSha256()).isNull();
            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON1_AGAIN), 500)).isInstanceOf(Verification.Match.class);
            assertThatThrownBy(() -> r.enrolImage(ANA, "Ana", Prints.png(Prints.PERSON1), 500, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_DOCUMENT));
        }
    }

    @Test
    void oneToManyFindsOneFingerEnrolledUnderTwoDocuments() throws Exception {
        DocumentId second = DocumentId.parse("CE-E998877");
        try (CivilRegistryReplica r = open(40)) {
            r.enrolImage(ANA, "Ana Pérez", Prints.png(Prints.PERSON1), 500, null);
            r.enrolImage(LUIS, "Luis Gómez", Prints.png(Prints.PERSON2), 500, null);
            r.enrolImage(second, "Ana María Pérez", Prints.png(Prints.PERSON1_AGAIN), 500, null);

            List<Candidate> hits = r.search(r.captures().fromImage(Prints.png(Prints.PERSON1), 500));
            assertThat(hits).extracting(Candidate::document).containsExactlyInAnyOrder(ANA, second);
            assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
            assertThat(r.search(r.captures().fromImage(Prints.png(Prints.PERSON2), 500)))
                    .extracting(Candidate::document).containsExactly(LUIS);
        }
    }

    @Test
    void enrolsFromAnIso19794Template2005And2011() throws Exception {
        FingerprintTemplate ana = new Captures().fromImage(Prints.png(Prints.PERSON1), 500);
        byte[] iso2005 = Captures.toIso(ana);
        byte[] iso2011 = FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2011, ana);
        assertThat(TemplateFormat.identify(iso2005)).isEqualTo(TemplateFormat.ISO_19794_2_2005);
        try (CivilRegistryReplica r = open(40)) {
            r.enrolIso(ANA, "Ana Pérez", iso2005, null);
            r.enrolIso(DocumentId.parse("CC-5550001"), "Ana (2011)", iso2011, null);
            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON1_AGAIN), 500)).isInstanceOf(Verification.Match.class);
            assertThat(r.verifyImage(DocumentId.parse("CC-5550001"), Prints.png(Prints.PERSON1_AGAIN), 500))
                    .isInstanceOf(Verification.Match.class);
            assertThat(r.verifyImage(ANA, Prints.png(Prints.PERSON2), 500)).isInstanceOf(Verification.NoMatch.class);
        }
    }

    @Test
    void isoRefusals() throws Exception {
        try (CivilRegistryReplica r = open(40)) {
            assertThatThrownBy(() -> r.enrolIso(ANA, "Ana", new byte[] {'F', 'M', 'R', 0, 1, 2, 3}, null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TEMPLATE));
            FingerprintTemplate ana = new Captures().fromImage(Prints.png(Prints.PERSON1), 500);
            assertThatThrownBy(() -> r.enrolIso(ANA, "Ana", ana.toByteArray(), null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.getMessage()).contains("not an ISO/IEC 19794-2"));
            assertThatThrownBy(() -> r.enrolIso(ANA, "Ana", fewMinutiae(5), null))
                    .isInstanceOfSatisfying(IdentityException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOW_QUALITY);
                        assertThat(e.getMessage()).startsWith("only 5 minutiae");
                    });
            assertThat(r.size()).isZero();
        }
    }

    /** An ISO 19794-2:2005 record built field by field through fingerprintio: one finger, {@code n} minutiae. */
    private static byte[] fewMinutiae(int n) {
        Iso19794p2v2005Template t = new Iso19794p2v2005Template();
        t.width = 300;
        t.height = 400;
        t.resolutionX = 197; // pixels per cm: 500 dpi
        t.resolutionY = 197;
        Iso19794p2v2005Fingerprint f = new Iso19794p2v2005Fingerprint();
        f.minutiae = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Iso19794p2v2005Minutia m = new Iso19794p2v2005Minutia();
            m.type = Iso19794p2v2005MinutiaType.ENDING;
            m.positionX = 40 + 40 * i;
            m.positionY = 60 + 50 * i;
            m.angle = 30 * i;
            f.minutiae.add(m);
        }
        t.fingerprints = List.of(f);
        return t.toByteArray();
    }
}
