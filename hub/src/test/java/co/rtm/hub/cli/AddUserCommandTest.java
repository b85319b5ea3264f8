package co.rtm.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hub add-user}: password from stdin or a file, the RUNT rule in one line, audited. */
class AddUserCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        AddUserCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void restoreStdin() {
        AddUserCommand.stdin = System.in;
    }

    @Test
    void createsUsersFromStdinOrAFileAndRefusesWeakPasswordsInOneLine() throws Exception {
        String d = dir.resolve("hub").toString();
        assertThat(run("", "init", "--data", d).code()).isZero();

        Run ok = run("Sup3rvisor!x\n", "add-user", "--data", d, "--user", "ana", "--role", "supervisor");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out().strip()).isEqualTo("user ana created with role supervisor");

        Path file = dir.resolve("pw.txt");
        Files.writeString(file, "Adm1n-passw0rd\n");
        Run fromFile = run("", "add-user", "--data", d, "--user", "root", "--role", "ADMIN", "--password-file", file.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isZero();

        Run weak = run("password\n", "add-user", "--data", d, "--user", "bob", "--role", "auditor");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err().strip()).isEqualTo("error: password does not follow the RUNT rule: it needs at least 10 "
                + "characters, an upper-case letter, a digit, a special character");

        assertThat(run("Sup3rvisor!x\n", "add-user", "--data", d, "--user", "ana", "--role", "auditor").err())
                .contains("already exists");
        assertThat(run("Sup3rvisor!x\n", "add-user", "--data", d, "--user", "carl", "--role", "boss").err())
                .contains("supervisor, auditor or admin");
        assertThat(run("", "add-user", "--data", d, "--user", "dan", "--role", "auditor").err())
                .contains("no password on standard input");

        Run verify = run("", "verify-ledger", "--data", d, "--json");
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("\"auditChainOk\":true");
    }
}
