package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Receipt;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * PDFs rendered per second on one thread, as the API renders them: a FUR (ledger read, re-score, PDF with the
 * measurement table) and a certificate (ledger read, seal signature, QR, PDF), from one approved inspection on a
 * SQLite ledger. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <p>Arguments: {@code [pdfsPerRun] [runs]}.
 */
public final class DocumentPdfSpeed {
    public static void main(String[] args) throws Exception {
        int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("pdf-speed");
        try (Database db = Database.openDefault(dir)) {
            Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA Uno", "F001");
            registry.createStation("lane-1", "CDA-1", "cda-light@1");
            Receipt r = Inspections.accept(new Ledger(db, Clock.systemUTC()), 1, Inspections.approved("ABC123"), "CC-1010");
            Furs furs = new Furs(db, Inspections.SCORER);
            Certificates certificates = new Certificates(db);
            SigningKey key = Ed25519Keys.generate("hub#1");
            long bytes = 0;
            for (int i = 0; i < perRun; i++) { // warm-up
                bytes += DocumentPdfs.fur(furs.find(r.messageId()).orElseThrow()).length;
                IssuedCertificate c = certificates.find(CertificateKind.RTM, r.certificateNumber()).orElseThrow();
                bytes += DocumentPdfs.certificate(c, CertificateSeal.sign(c.seal(), key)).length;
            }
            double[] fur = new double[runs];
            double[] cert = new double[runs];
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < perRun; i++) {
                    bytes += DocumentPdfs.fur(furs.find(r.messageId()).orElseThrow()).length;
                }
                fur[run] = perRun / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                for (int i = 0; i < perRun; i++) {
                    IssuedCertificate c = certificates.find(CertificateKind.RTM, r.certificateNumber()).orElseThrow();
                    bytes += DocumentPdfs.certificate(c, CertificateSeal.sign(c.seal(), key)).length;
                }
                cert[run] = perRun / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("run %d: FUR %.0f PDFs/s, certificate %.0f PDFs/s%n", run + 1, fur[run], cert[run]);
            }
            System.out.printf("median of %d runs of %d: FUR %.0f PDFs/s, certificate %.0f PDFs/s (%d bytes written)%n",
                    runs, perRun, median(fur), median(cert), bytes);
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
