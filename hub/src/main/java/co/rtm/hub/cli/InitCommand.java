package co.rtm.hub.cli;

import co.rtm.hub.home.HubHome;
import co.rtm.hub.tls.BrokerCa;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a hub data directory: the hub's Ed25519 signing key (0600), the hub's MQTT credential "
                + "for the embedded broker (0600), the broker CA (ECDSA P-256, key 0600) with a TLS server certificate "
                + "for localhost/127.0.0.1, and the SQLite database with its schema.",
                "Refuses to run twice on one directory. An older directory without a broker CA gets one on the next "
                        + "'serve' or 'provision-station'."})
final class InitCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory to create")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HubHome.InitReport report = HubHome.init(data);
        var out = spec.commandLine().getOut();
        for (String line : report.created()) {
            out.println("created " + line);
        }
        out.println("broker CA " + data.resolve(BrokerCa.CA_CERT_FILE).toAbsolutePath()
                + " (stations trust it; 'serve --mqtt-tls-port N' opens the TLS listener)");
        out.println("hub key " + report.hubKeyId() + " " + report.hubPublicKey());
        out.flush();
        return 0;
    }
}
