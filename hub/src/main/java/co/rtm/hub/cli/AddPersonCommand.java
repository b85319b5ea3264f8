package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.Person;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add-person", mixinStandardHelpOptions = true,
        description = {"Register an inspector or the technical director of a centre by identity document, or update "
                + "one already registered (name, role) and make them active again. Audited.",
                "Once a centre registers anyone, an inspection is refused unless a registered active inspector of the "
                        + "centre was logged in on its lane when it started (docs/rules-people-retests.md)."})
final class AddPersonCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--center", required = true, paramLabel = "ID", description = "centre id (a CDA or mobile line)")
    String centerId;

    @Option(names = "--document", required = true, paramLabel = "TYPE-NUMBER",
            description = "identity document: CC-79123456 (cédula de ciudadanía) or CE-... (cédula de extranjería)")
    String document;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "full name")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "inspector or technical-director")
    String role;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DocumentId id = DocumentId.parse(document);
        PersonRole parsedRole = PersonRole.fromCli(role);
        Person stored;
        try (Database db = store.open()) {
            stored = new People(db, Clock.systemUTC()).actingAs(Actors.cli()).register(centerId, id, name, parsedRole);
        }
        spec.commandLine().getOut().println("registered " + stored.describe() + " (active)");
        return 0;
    }
}
