package co.rtm.agent.cli;

import co.rtm.agent.identity.Candidate;
import co.rtm.agent.identity.Captures;
import co.rtm.agent.identity.Citizen;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.IdentityException;
import co.rtm.agent.identity.Verification;
import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;
import co.rtm.profiles.person.DocumentId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.machinezoo.sourceafis.FingerprintTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code identity enrol|verify|search}: the CALE's civil registry replica from the command line (DESIGN §6). Each
 * prints one JSON line; bad input (a missing file, an unreadable image, a malformed document, a duplicate document,
 * a missing registry for verify/search) is one line on stderr and exit 2. A verification that ran prints its outcome
 * (MATCH, NO_MATCH, NOT_ENROLLED, LOW_QUALITY) and exits 0: the outcome is the answer.
 */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = "Civil registry replica of a CALE: enrol, verify 1:1, search 1:N.",
        subcommands = {IdentityCommand.Enrol.class, IdentityCommand.Verify.class, IdentityCommand.Search.class})
public final class IdentityCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final PrintStream out;
    final PrintStream err;

    public IdentityCommand() {
        this(System.out, System.err);
    }

    IdentityCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        err.println("identity: say enrol, verify or search (see --help)");
    }

    /** Options every subcommand has; the registry must exist unless the subcommand creates it. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Option(names = "--registry", required = true, paramLabel = "DB", description = "The replica (SQLite file).")
        Path registry;

        @Option(names = "--threshold", paramLabel = "SCORE", description = "Match threshold (default: 40, SourceAFIS's "
                + "recommended, a false match rate of about 0.01 %%).")
        double threshold = FingerprintMatcher.RECOMMENDED_THRESHOLD;

        abstract String name();

        abstract boolean creates();

        abstract ObjectNode run(CivilRegistryReplica replica) throws IdentityException, IOException;

        @Override
        public Integer call() {
            try {
                if (!creates() && !Files.isRegularFile(registry)) {
                    throw new IdentityException(IdentityException.Reason.MISSING_FIELD,
                            "--registry: " + registry + ": no such registry");
                }
                if (!(threshold > 0)) {
                    throw new IdentityException(IdentityException.Reason.MISSING_FIELD,
                            "--threshold: must be above 0, got " + threshold);
                }
                try (CivilRegistryReplica replica = CivilRegistryReplica.open(registry, threshold, new Captures(),
                        Clock.systemUTC())) {
                    parent.out.println(JSON.writeValueAsString(run(replica)));
                }
                return 0;
            } catch (IdentityException e) {
                parent.err.println("identity " + name() + ": " + e.getMessage());
                return 2;
            } catch (IOException e) {
                parent.err.println("identity " + name() + ": " + e.getMessage());
                return 1;
            }
        }

        static byte[] read(String option, Path file) throws IdentityException {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new IdentityException(IdentityException.Reason.MISSING_FIELD, option + ": " + file
                        + ": no such file");
            } catch (IOException e) {
                throw new IdentityException(IdentityException.Reason.MISSING_FIELD, option + ": " + file + ": "
                        + e.getMessage());
            }
        }

        /** A probe capture; an image that is no image is bad input here, not a LOW_QUALITY outcome. */
        static byte[] image(Path file, double dpi, Captures captures) throws IdentityException {
            byte[] bytes = read("--image", file);
            try {
                captures.fromImage(bytes, dpi);
            } catch (IdentityException e) {
                if (e.reason() == IdentityException.Reason.UNREADABLE_IMAGE) {
                    throw new IdentityException(e.reason(), "--image: " + file + ": " + e.getMessage());
                }
            }
            return bytes;
        }
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Enrol a citizen from a fingerprint image or an ISO/IEC 19794-2 template.")
    static final class Enrol extends Base {
        @Option(names = "--document", required = true, paramLabel = "CC-NUMBER",
                description = "Identity document: CC-79123456 (or CC:79123456), CE-E123456.")
        String document;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Full name.")
        String name;

        @Option(names = "--image", paramLabel = "FILE", description = "Fingerprint image (PNG, BMP, JPEG).")
        Path image;

        @Option(names = "--iso", paramLabel = "FILE", description = "ISO/IEC 19794-2 template (2005 or 2011), instead of --image.")
        Path iso;

        @Option(names = "--dpi", paramLabel = "N", defaultValue = "500", description = "Resolution of --image (default: ${DEFAULT-VALUE}).")
        double dpi;

        @Option(names = "--photo", paramLabel = "FILE", description = "The registry photo; only its SHA-256 is kept.")
        Path photo;

        @Override
        String name() {
            return "enrol";
        }

        @Override
        boolean creates() {
            return true;
        }

        @Override
        ObjectNode run(CivilRegistryReplica replica) throws IdentityException, IOException {
            if ((image == null) == (iso == null)) {
                throw new IdentityException(IdentityException.Reason.MISSING_FIELD, "give exactly one of --image and --iso");
            }
            DocumentId doc = CivilRegistryReplica.document(document);
            byte[] photoBytes = photo == null ? null : read("--photo", photo);
            Citizen c = image != null
                    ? replica.enrolImage(doc, name, read("--image", image), dpi, photoBytes)
                    : replica.enrolIso(doc, name, read("--iso", iso), photoBytes);
            ObjectNode o = JSON.createObjectNode();
            o.put("enrolled", c.document().text());
            o.put("name", c.fullName());
            o.put("templateBytes", c.template().length);
            if (c.photoSha256() != null) {
                o.put("photoSha256", c.photoSha256());
            }
            o.put("enrolledAt", c.enrolledAt().toString());
            o.put("registrySize", replica.size());
            return o;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a live capture 1:1 against the claimed document's template.")
    static final class Verify extends Base {
        @Option(names = "--document", required = true, paramLabel = "CC-NUMBER", description = "The claimed document.")
        String document;

        @Option(names = "--image", required = true, paramLabel = "FILE", description = "The live capture.")
        Path image;

        @Option(names = "--dpi", paramLabel = "N", defaultValue = "500", description = "Resolution (default: ${DEFAULT-VALUE}).")
        double dpi;

        @Override
        String name() {
            return "verify";
        }

        @Override
        boolean creates() {
            return false;
        }

        @Override
        ObjectNode run(CivilRegistryReplica replica) throws IdentityException {
            DocumentId doc = CivilRegistryReplica.document(document);
            Verification v = replica.verifyImage(doc, image(image, dpi, replica.captures()), dpi);
            ObjectNode o = JSON.createObjectNode();
            o.put("document", doc.text());
            o.put("outcome", v.outcome());
            if (v instanceof Verification.Match m) {
                o.put("score", round(m.score()));
            } else if (v instanceof Verification.NoMatch n) {
                o.put("score", round(n.score()));
            } else if (v instanceof Verification.LowQuality q) {
                o.put("reason", q.reason());
            }
            o.put("threshold", replica.threshold());
            return o;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search a capture 1:N against every enrolled template (one finger under two documents).")
    static final class Search extends Base {
        @Option(names = "--image", required = true, paramLabel = "FILE", description = "The capture.")
        Path image;

        @Option(names = "--dpi", paramLabel = "N", defaultValue = "500", description = "Resolution (default: ${DEFAULT-VALUE}).")
        double dpi;

        @Override
        String name() {
            return "search";
        }

        @Override
        boolean creates() {
            return false;
        }

        @Override
        ObjectNode run(CivilRegistryReplica replica) throws IdentityException {
            FingerprintTemplate probe = replica.captures().fromImage(image(image, dpi, replica.captures()), dpi);
            List<Candidate> hits = replica.search(probe);
            ObjectNode o = JSON.createObjectNode();
            o.put("searched", replica.size());
            var arr = o.putArray("hits");
            for (Candidate c : hits) {
                arr.addObject().put("document", c.document().text()).put("score", round(c.score()));
            }
            o.put("threshold", replica.threshold());
            return o;
        }
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }
}
