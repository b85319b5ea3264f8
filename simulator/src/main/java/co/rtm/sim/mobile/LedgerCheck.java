package co.rtm.sim.mobile;

import co.rtm.hub.cli.HubMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** {@code hub verify-ledger --json} on a closed hub's data directory, as an operator would run it. */
final class LedgerCheck {
    record Verdict(boolean ok, String detail) {
    }

    private LedgerCheck() {
    }

    static Verdict verify(Path hubDir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        HubMain.run(new PrintWriter(out), new PrintWriter(err), "verify-ledger", "--data", hubDir.toString(), "--json");
        String text = out.toString().trim();
        if (text.isEmpty()) {
            return new Verdict(false, "verify-ledger printed nothing: " + err.toString().trim());
        }
        JsonNode node = new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
        return new Verdict(node.path("ok").asBoolean(false), node.toString());
    }
}
