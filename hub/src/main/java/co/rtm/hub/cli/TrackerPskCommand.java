package co.rtm.hub.cli;

import co.rtm.hub.store.Database;
import co.rtm.hub.tracks.TrackerPsks;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tracker-psk", mixinStandardHelpOptions = true,
        description = {"Create (or replace) the DTLS pre-shared key of a station's sealed GPS tracker, which posts its "
                + "signed track batches to 'serve --coap-port'. The PSK identity is the station id.",
                "Prints 'psk-identity=ID psk-base64=... psk-hex=...' once: load it into the tracker. The hub keeps the "
                + "key in clear in its database (a PSK handshake needs it): see docs/tracks.md."})
final class TrackerPskCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--station", required = true, paramLabel = "ID", description = "a provisioned station id")
    String stationId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] psk;
        try (Database db = store.open()) {
            psk = new TrackerPsks(db, Clock.systemUTC()).create(stationId);
        }
        spec.commandLine().getOut().println("psk-identity=" + stationId + " psk-base64="
                + Base64.getEncoder().encodeToString(psk) + " psk-hex=" + HexFormat.of().formatHex(psk));
        return 0;
    }
}
