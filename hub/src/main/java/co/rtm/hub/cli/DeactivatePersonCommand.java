package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.Person;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deactivate-person", mixinStandardHelpOptions = true,
        description = {"Deactivate a person registered at a centre: their logins no longer let an inspection through, "
                + "including results still to arrive from before. Audited; 'add-person' makes them active again."})
final class DeactivatePersonCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--center", required = true, paramLabel = "ID", description = "centre id")
    String centerId;

    @Option(names = "--document", required = true, paramLabel = "TYPE-NUMBER", description = "identity document, e.g. CC-79123456")
    String document;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DocumentId id = DocumentId.parse(document);
        Person stored;
        try (Database db = store.open()) {
            stored = new People(db, Clock.systemUTC()).actingAs(Actors.cli()).deactivate(centerId, id);
        }
        spec.commandLine().getOut().println("deactivated " + stored.describe());
        return 0;
    }
}
