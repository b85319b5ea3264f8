package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.Station;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deactivate-station", mixinStandardHelpOptions = true,
        description = {"Shut a station out: the embedded broker drops its connection and refuses its logins (password "
                + "or client certificate), and ingestion refuses its messages (STATION_INACTIVE). --reactivate undoes it.",
                "Audited. Works while 'hub serve' runs; serve acts on it at once."})
final class DeactivateStationCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--station", required = true, paramLabel = "ID", description = "station id")
    String stationId;

    @Option(names = "--reactivate", description = "make the station active again instead")
    boolean reactivate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean active = reactivate;
        var out = spec.commandLine().getOut();
        try (Database db = store.open()) {
            Registry registry = new Registry(db, Clock.systemUTC()).actingAs(Actors.cli());
            Station station = registry.findStation(stationId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown station " + stationId));
            if (station.active() == active) {
                out.println("station " + stationId + " was already " + (active ? "active" : "inactive") + "; nothing changed");
                return 0;
            }
            registry.setActive(stationId, active);
        }
        out.println(active
                ? "station " + stationId + " reactivated: it may log in and send again"
                : "station " + stationId + " deactivated: dropped from the broker and refused at login and at ingestion");
        return 0;
    }
}
