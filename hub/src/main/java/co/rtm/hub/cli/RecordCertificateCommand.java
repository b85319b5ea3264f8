package co.rtm.hub.cli;

import co.rtm.hub.exam.CandidateCertificates;
import co.rtm.hub.store.Database;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.CertificateKind;
import co.rtm.profiles.person.DocumentId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "record-certificate", mixinStandardHelpOptions = true,
        description = {"Record a candidate's CRC (medical) or CEA (driving school) certificate for a licence category, as "
                + "the CALE would find it in RUNT (art. 3.7.3.1.2). Exams without both, valid on the exam day, are refused. "
                + "Audited (CANDIDATE_CERTIFICATE_RECORDED)."})
final class RecordCertificateCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
    CertificateKind kind;

    @Option(names = "--number", required = true, paramLabel = "N", description = "certificate number")
    String number;

    @Option(names = "--holder", required = true, paramLabel = "TYPE-NUMBER", description = "candidate, e.g. CC-79123456")
    String holder;

    @Option(names = "--category", required = true, paramLabel = "CAT", description = "licence category: ${COMPLETION-CANDIDATES}")
    LicenceCategory category;

    @Option(names = "--issued-on", required = true, paramLabel = "DATE", description = "e.g. 2026-11-02")
    LocalDate issuedOn;

    @Option(names = "--expires-on", paramLabel = "DATE", description = "stated expiry; a CRC is capped at 6 months anyway")
    LocalDate expiresOn;

    @Option(names = "--by", defaultValue = "cli", paramLabel = "NAME", description = "who records it, for the audit log")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Certificate c = new Certificate(kind, number, DocumentId.parse(holder), category, issuedOn, expiresOn);
        try (Database db = store.open()) {
            new CandidateCertificates(db, Clock.systemUTC()).record(c, by);
        }
        spec.commandLine().getOut().println("recorded " + c.kind() + " " + c.number() + " of " + c.holder() + " for "
                + c.category() + ", valid " + c.issuedOn() + " to " + (c.lastValidDay() == null ? "(no expiry)" : c.lastValidDay()));
        return 0;
    }
}
