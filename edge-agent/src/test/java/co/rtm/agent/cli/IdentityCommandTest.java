package co.rtm.agent.cli;

import co.rtm.agent.login.Prints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityCommandTest {

    @TempDir
    Path dir;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command as {@code edge-agent identity ...}; stdout and stderr start empty for each run. */
    private int identity(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new IdentityCommand(new PrintStream(out, true, StandardCharsets.UTF_8), e));
        cl.setErr(new PrintWriter(e, true));
        return cl.execute(args);
    }

    private JsonNode json() throws Exception {
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        return new ObjectMapper().readTree(text);
    }

    private String error() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        return text.strip();
    }

    @Test
    void enrolsThenVerifiesPrintingOneJsonLineEach() throws Exception {
        Path db = dir.resolve("cale/registry.db");
        Path photo = Files.writeString(dir.resolve("photo.jpg"), "photo");
        assertThat(identity("enrol", "--registry", db.toString(), "--document", "CC:79123456", "--name", "Ana Pérez",
                "--image", Prints.copy(Prints.PERSON1, dir.resolve("a.png")).toString(), "--dpi", "500",
                "--photo", photo.toString())).isZero();
        JsonNode enrolled = json();
        assertThat(enrolled.get("enrolled").asText()).isEqualTo("CC-79123456");
        assertThat(enrolled.get("name").asText()).isEqualTo("Ana Pérez");
        assertThat(enrolled.get("photoSha256").asText()).hasSize(64);
        assertThat(enrolled.get("registrySize").asInt()).isEqualTo(1);

        Path again = Prints.copy(Prints.PERSON1_AGAIN, dir.resolve("b.png"));
        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456", "--image",
                again.toString())).isZero();
        JsonNode match = json();
        assertThat(match.get("outcome").asText()).isEqualTo("MATCH");
        assertThat(match.get("score").asDouble()).isGreaterThanOrEqualTo(40);
        assertThat(match.get("threshold").asDouble()).isEqualTo(40);

        Path luis = Prints.copy(Prints.PERSON2, dir.resolve("c.png"));
        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456", "--image",
                luis.toString())).isZero();
        assertThat(json().get("outcome").asText()).isEqualTo("NO_MATCH");

        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-111222", "--image",
                again.toString())).isZero();
        assertThat(json().get("outcome").asText()).isEqualTo("NOT_ENROLLED");

        Path blank = Prints.blank(dir.resolve("blank.png"));
        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456", "--image",
                blank.toString())).isZero();
        JsonNode low = json();
        assertThat(low.get("outcome").asText()).isEqualTo("LOW_QUALITY");
        assertThat(low.get("reason").asText()).contains("minutiae");

        assertThat(identity("search", "--registry", db.toString(), "--image", again.toString())).isZero();
        assertThat(json().get("hits").get(0).get("document").asText()).isEqualTo("CC-79123456");
    }

    @Test
    void theAgentRegistersTheCommand() {
        assertThat(AgentMain.commandLine().getSubcommands().get("identity").getSubcommands())
                .containsKeys("enrol", "verify", "search");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path db = dir.resolve("registry.db");
        Path a = Prints.copy(Prints.PERSON1, dir.resolve("a.png"));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");

        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456", "--image",
                a.toString())).isEqualTo(2);
        assertThat(error()).isEqualTo("identity verify: --registry: " + db + ": no such registry");
        assertThat(db).doesNotExist();

        assertThat(identity("enrol", "--registry", db.toString(), "--document", "XX-1", "--name", "Ana",
                "--image", a.toString())).isEqualTo(2);
        assertThat(error()).startsWith("identity enrol: document type must be CC or CE");

        assertThat(identity("enrol", "--registry", db.toString(), "--document", "CC-79123456", "--name", "Ana",
                "--image", dir.resolve("missing.png").toString())).isEqualTo(2);
        assertThat(error()).endsWith("missing.png: no such file");

        assertThat(identity("enrol", "--registry", db.toString(), "--document", "CC-79123456", "--name", "Ana",
                "--image", text.toString())).isEqualTo(2);
        assertThat(error()).contains("unreadable fingerprint image");

        assertThat(identity("enrol", "--registry", db.toString(), "--document", "CC-79123456", "--name", "Ana",
                "--image", a.toString())).isZero();
        assertThat(identity("enrol", "--registry", db.toString(), "--document", "CC-79123456", "--name", "Ana",
                "--image", a.toString())).isEqualTo(2);
        assertThat(error()).isEqualTo("identity enrol: CC-79123456 is already enrolled in the replica");

        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456", "--image",
                text.toString())).isEqualTo(2);
        assertThat(error()).startsWith("identity verify: --image: " + text + ": unreadable fingerprint image");

        assertThat(identity("verify", "--registry", db.toString(), "--document", "CC-79123456")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--image");
    }
}
