package co.rtm.hub.cli;

import co.rtm.hub.ledger.LedgerReport;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.ledger.Verification;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.StoredSignatures;
import co.rtm.hub.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
        description = {"Check every number series for gaps and duplicates, every stored signature against the "
                + "registry's keys, and the audit hash chain.",
                "Exit 0 when everything is ok, 1 when something is wrong, 2 on bad input or I/O errors."})
final class VerifyLedgerCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory made by 'hub init'")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database (default: SQLite hub.db in the data directory)")
    String jdbcUrl;

    @Option(names = "--json", description = "print one JSON object instead of a summary")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jdbcUrl == null && !Files.isRegularFile(data.resolve("hub.db"))) {
            throw new IllegalArgumentException("no hub database in " + data + " (run 'hub init --data " + data + "')");
        }
        Verification v;
        try (Database db = jdbcUrl == null ? Database.openDefault(data) : Database.open(jdbcUrl)) {
            v = new LedgerVerifier(db, new StoredSignatures(new Registry(db, Clock.systemUTC()))).verify();
        }
        PrintWriter out = spec.commandLine().getOut();
        LedgerReport r = v.report();
        if (json) {
            ObjectNode node = JSON.valueToTree(r);
            ArrayNode problems = node.putArray("problems");
            v.problems().forEach(problems::add);
            out.println(JSON.writeValueAsString(node));
        } else {
            out.printf("results %d (approved %d, rejected %d), refused %d, certificates %d%n",
                    r.results(), r.approved(), r.rejected(), r.refused(), r.certificates());
            out.printf("FUR gaps %d, certificate gaps %d, duplicate numbers %d, bad signatures %d, audit chain %s%n",
                    r.furGaps(), r.certificateGaps(), r.duplicateNumbers(), r.badSignatures(),
                    r.auditChainOk() ? "ok" : "BROKEN");
            v.problems().forEach(p -> out.println("  problem: " + p));
            out.println(r.ok() ? "ledger OK" : "ledger NOT OK");
        }
        out.flush();
        return r.ok() ? 0 : 1;
    }
}
