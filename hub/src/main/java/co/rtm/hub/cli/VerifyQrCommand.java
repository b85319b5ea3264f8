package co.rtm.hub.cli;

import co.rtm.hub.documents.CertificateSeal;
import co.rtm.hub.documents.Seal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify-qr", mixinStandardHelpOptions = true,
        description = {"Checks a certificate's QR text offline against the hub's public key (docs/documents.md): prints one "
                + "JSON object {signed, kind, number, subject, issuedAt} or {signed: false, reason}. Offline, only the "
                + "signature is checked; whether the number is still on record needs the hub's /verify.",
                "Exit 0 when the hub signed it, 1 when not, 2 on bad input."})
final class VerifyQrCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "the hub's public key: the JSON of GET /api/public/hub-key, or its base64url 'x' alone")
    Path keyFile;

    @Option(names = "--qr", required = true, paramLabel = "TEXT", description = "the scanned QR text")
    String qr;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] key = readKey(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
        CertificateSeal.Checked checked = CertificateSeal.check(qr, key);
        ObjectNode out = JSON.createObjectNode();
        if (checked instanceof CertificateSeal.Checked.Signed signed) {
            Seal s = signed.seal();
            out.put("signed", true).put("kind", s.kind().name()).put("number", s.number()).put("subject", s.subject())
                    .put("issuedAt", s.issuedAt().toString());
        } else {
            out.put("signed", false).put("reason", ((CertificateSeal.Checked.Bad) checked).reason());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(JSON.writeValueAsString(out));
        w.flush();
        return out.get("signed").asBoolean() ? 0 : 1;
    }

    private byte[] readKey(String text) {
        String x = text;
        if (text.startsWith("{")) {
            try {
                JsonNode jwk = JSON.readTree(text);
                if (!"Ed25519".equals(jwk.path("crv").asText()) || !jwk.path("x").isTextual()) {
                    throw new IllegalArgumentException(keyFile + " is not an Ed25519 JWK (want crv Ed25519 and x)");
                }
                x = jwk.get("x").asText();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(keyFile + " is not valid JSON");
            }
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyFile + ": the key is not base64url");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(keyFile + ": an Ed25519 public key is 32 bytes, got " + raw.length);
        }
        return raw;
    }
}
