package co.rtm.agent.cli;

import co.rtm.agent.login.InspectorsFile;
import co.rtm.agent.login.Prints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int enroll(String... args) {
        CommandLine cl = new CommandLine(new EnrollCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        cl.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        return cl.execute(args);
    }

    @Test
    void enrolsThenAddsTemplatesToTheSameInspector() throws Exception {
        Path file = dir.resolve("lane/inspectors.json");
        Path one = Prints.copy(Prints.PERSON1, dir.resolve("a.png"));
        Path two = Prints.copy(Prints.PERSON1_AGAIN, dir.resolve("b.png"));

        assertThat(enroll("--inspectors", file.toString(), "--document", "cc-79123456", "--name", "Ana",
                "--image", one.toString())).isZero();
        assertThat(enroll("--inspectors", file.toString(), "--document", "CC-79123456", "--name", "Ana Pérez",
                "--image", one.toString(), two.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "enrolled CC-79123456 \"Ana\": 1 template(s) in " + file,
                "updated CC-79123456 \"Ana Pérez\": 2 template(s) in " + file);
        InspectorsFile read = InspectorsFile.read(file);
        assertThat(read.inspectors()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Ana Pérez");
            assertThat(i.templates()).hasSize(2);
        });
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aLowQualityImageIsOneLineExitTwoAndTheFileIsUntouched() throws Exception {
        Path file = dir.resolve("inspectors.json");
        assertThat(enroll("--inspectors", file.toString(), "--document", "CC-79123456", "--name", "Ana",
                "--image", Prints.copy(Prints.PERSON1, dir.resolve("a.png")).toString())).isZero();
        byte[] before = Files.readAllBytes(file);
        Path blank = Prints.blank(dir.resolve("blank.png"));

        int exit = enroll("--inspectors", file.toString(), "--document", "CC-80111222", "--name", "Luis",
                "--image", Prints.copy(Prints.PERSON2, dir.resolve("c.png")).toString(), blank.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("enroll: " + blank + ": only ")
                .contains("low quality capture").endsWith("; capture the finger again");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path file = dir.resolve("inspectors.json");
        Path png = Prints.copy(Prints.PERSON1, dir.resolve("a.png"));
        assertThat(enroll("--inspectors", file.toString(), "--document", "TI-1234", "--name", "X",
                "--image", png.toString())).isEqualTo(2);
        assertThat(enroll("--inspectors", file.toString(), "--document", "CC-1234", "--name", "X",
                "--image", dir.resolve("none.png").toString())).isEqualTo(2);
        assertThat(enroll("--inspectors", file.toString(), "--document", "CC-1234", "--name", "X",
                "--image", Files.writeString(dir.resolve("t.png"), "text").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "enroll: document type must be CC or CE, not 'TI'",
                "enroll: " + dir.resolve("none.png") + ": no such file",
                "enroll: " + dir.resolve("t.png") + ": unreadable fingerprint image (4 bytes, not PNG/BMP/JPEG); capture the finger again");
        assertThat(file).doesNotExist();
    }
}
