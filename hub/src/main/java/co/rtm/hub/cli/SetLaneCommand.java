package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "set-lane", mixinStandardHelpOptions = true,
        description = {"Register a lane's authorised effective capacity per clock hour (art. 3.3.5.2.4): a result that "
                + "would make the lane exceed it within the clock hour its inspection started in (Bogotá) is refused.",
                "0 removes it (unlimited). Works while 'hub serve' runs; serve sees the change at once."})
final class SetLaneCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--station", required = true, paramLabel = "ID", description = "lane (station) id")
    String stationId;

    @Option(names = "--capacity-per-hour", required = true, paramLabel = "N",
            description = "inspections per clock hour; 0 for unlimited")
    int capacityPerHour;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (capacityPerHour < 0) {
            throw new IllegalArgumentException("--capacity-per-hour must be 0 (unlimited) or more, not " + capacityPerHour);
        }
        Integer stored;
        try (Database db = store.open()) {
            stored = new Registry(db, Clock.systemUTC()).actingAs(Actors.cli()).setCapacityPerHour(stationId, capacityPerHour);
        }
        spec.commandLine().getOut().println("lane " + stationId + ": capacity "
                + (stored == null ? "not registered (unlimited)" : stored + " per clock hour"));
        return 0;
    }
}
