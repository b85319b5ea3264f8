package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.registry.KeyStatus;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.StationKey;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "revoke-key", mixinStandardHelpOptions = true,
        description = {"Revoke one of a station's signing keys for good: every message signed with it is refused "
                + "(KEY_REVOKED), including results still in the station's outbox.",
                "The station's MQTT login is not affected (use deactivate-station to shut it out). Audited. "
                        + "Works while 'hub serve' runs; serve sees the change at once."})
final class RevokeKeyCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--station", required = true, paramLabel = "ID", description = "station id")
    String stationId;

    @Option(names = "--key-version", required = true, paramLabel = "N", description = "the key's version (the N of ID#N)")
    int keyVersion;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (keyVersion < 1) {
            throw new IllegalArgumentException("--key-version must be 1 or more, not " + keyVersion);
        }
        var out = spec.commandLine().getOut();
        try (Database db = store.open()) {
            Registry registry = new Registry(db, Clock.systemUTC()).actingAs(Actors.cli());
            StationKey before = registry.findKey(stationId, keyVersion).orElseThrow(() ->
                    new IllegalArgumentException("station " + stationId + " has no key " + stationId + "#" + keyVersion));
            if (before.status() == KeyStatus.REVOKED) {
                out.println("key " + before.kid() + " was already revoked; nothing changed");
                return 0;
            }
            StationKey revoked = registry.revoke(stationId, keyVersion);
            out.println("key " + revoked.kid() + " revoked (was " + before.status() + "): messages signed with it are refused");
            Instant now = Instant.now();
            if (registry.keys(stationId).stream().noneMatch(k -> k.usableAt(now))) {
                out.println("station " + stationId + " has no usable key left: give it one with 'hub rotate-key'");
            }
        }
        return 0;
    }
}
