package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisor;
import co.rtm.hub.supervision.Supervisors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add-user", mixinStandardHelpOptions = true,
        description = {"Create a supervisor account for the REST API (audited).",
                "The password is the first line of standard input, or of --password-file; it must follow the RUNT rule: "
                        + "at least 10 characters, an upper-case letter, a digit and a special character."})
final class AddUserCommand implements Callable<Integer> {
    /** Stands in for standard input in tests. */
    static InputStream stdin = System.in;

    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "user name")
    String user;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "supervisor, auditor or admin")
    String role;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from this file's first line")
    Path passwordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Role r = Role.parse(role);
        String password = readPassword();
        Supervisor created;
        try (Database db = store.open()) {
            created = new Supervisors(db, Clock.systemUTC()).create(Actors.cli(), user, r, password);
        }
        spec.commandLine().getOut().println("user " + created.name() + " created with role " + created.role().label());
        return 0;
    }

    private String readPassword() throws IOException {
        InputStream in = passwordFile == null ? stdin : Files.newInputStream(passwordFile);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on " + (passwordFile == null ? "standard input" : passwordFile));
            }
            return line;
        }
    }
}
