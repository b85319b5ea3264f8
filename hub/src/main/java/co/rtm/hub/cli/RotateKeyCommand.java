package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.registry.KeyStatus;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.StationKey;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Register a new Ed25519 public key for a station (generated on the device) as its current key. "
                + "The key it replaces stays usable for the grace period, for results already signed and still in the "
                + "station's outbox; after that they are refused (KEY_EXPIRED).",
                "Audited. Works while 'hub serve' runs; serve sees the change at once."})
final class RotateKeyCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--station", required = true, paramLabel = "ID", description = "station id")
    String stationId;

    @Option(names = "--public-key", required = true, paramLabel = "B64URL",
            description = "the new Ed25519 public key: 32 raw bytes, base64url without padding")
    String publicKey;

    @Option(names = "--grace-hours", paramLabel = "N", defaultValue = "24",
            description = "hours the replaced key stays usable (default ${DEFAULT-VALUE}; 0 ends it now)")
    long graceHours;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (graceHours < 0) {
            throw new IllegalArgumentException("--grace-hours must be 0 or more, not " + graceHours);
        }
        StationKey current;
        List<StationKey> keys;
        try (Database db = store.open()) {
            Registry registry = new Registry(db, Clock.systemUTC()).actingAs(Actors.cli());
            if (registry.keys(stationId).stream().anyMatch(k -> k.publicKey().equals(publicKey))) {
                throw new IllegalArgumentException("station " + stationId + " already had this public key; a rotated key must be new");
            }
            current = registry.rotate(stationId, publicKey, Duration.ofHours(graceHours));
            keys = registry.keys(stationId);
        }
        var out = spec.commandLine().getOut();
        out.println("station " + stationId + ": key " + current.kid() + " is current (public key " + current.publicKey() + ")");
        keys.stream()
                .filter(k -> k.status() == KeyStatus.PREVIOUS && k.keyVersion() == current.keyVersion() - 1)
                .forEach(k -> out.println("station " + stationId + ": key " + k.kid() + " is previous, usable until "
                        + k.notAfter()));
        return 0;
    }
}
