package co.rtm.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.CertificateKind;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Receipt;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.TestDatabases;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documents' reads of the ledger, on SQLite and PostgreSQL. */
class DocumentsLedgerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void fursAndCertificatesReadBackFromTheLedgerOnBothBackends(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Registry registry = new Registry(h.db(), Clock.systemUTC(), 1_000);
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA Uno", "F007");
            registry.createStation("lane-1", "CDA-1", "cda-light@1");
            Ledger ledger = new Ledger(h.db(), Clock.systemUTC());
            Receipt ok = Inspections.accept(ledger, 1, Inspections.approved("ABC123"), "CC-1");
            Receipt bad = Inspections.accept(ledger, 2, Inspections.rejected("XYZ789"));

            Furs furs = new Furs(h.db(), Inspections.SCORER);
            Fur approved = furs.find(ok.messageId()).orElseThrow();
            assertThat(approved.furNumber()).isEqualTo(ok.furNumber());
            assertThat(approved.furText()).isEqualTo("F007-" + String.format("%06d", ok.furNumber()));
            assertThat(approved.certificateNumber()).isEqualTo(ok.certificateNumber());
            assertThat(approved.inspectors()).containsExactly(new Fur.Inspector("CC-1", null));
            assertThat(approved.measured()).isNotEmpty().allMatch(m -> m.passed());
            Fur rejected = furs.find(bad.messageId()).orElseThrow();
            assertThat(rejected.verdict()).isEqualTo("REJECTED");
            assertThat(rejected.certificateNumber()).isNull();
            assertThat(rejected.measured()).anyMatch(m -> !m.passed());
            assertThat(furs.find("nope")).isEmpty();

            Certificates certificates = new Certificates(h.db());
            assertThat(certificates.ofResult(bad.messageId())).isEmpty();
            IssuedCertificate c = certificates.ofResult(ok.messageId()).orElseThrow();
            assertThat(c.subject()).isEqualTo("ABC123");
            assertThat(c.furNumber()).isEqualTo(ok.furNumber());
            assertThat(c.exam()).isNull();
            assertThat(certificates.find(CertificateKind.RTM, ok.certificateNumber())).contains(c);

            SigningKey key = Ed25519Keys.generate("hub#1");
            CertificateVerifier verifier = new CertificateVerifier(certificates, key.verificationKey().raw());
            assertThat(verifier.qr(CertificateSeal.sign(c.seal(), key)).genuine()).isTrue();
            assertThat(verifier.qr(CertificateSeal.sign(c.seal(), Ed25519Keys.generate("hub#1"))).genuine()).isFalse();
        }
    }
}
