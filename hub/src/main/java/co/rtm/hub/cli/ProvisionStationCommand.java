package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.home.SecretFiles;
import co.rtm.hub.tls.IssuedCertificate;
import co.rtm.hub.registry.BundleIssuer;
import co.rtm.hub.registry.Provisioning;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "provision-station", mixinStandardHelpOptions = true,
        description = {"Register a station (and its centre, if new) with a fresh Ed25519 key and MQTT credentials, and "
                + "write the bundle file the agent imports (mode 0600: it holds the station's private key).",
                "The bundle carries the hub's broker CA certificate, so the station can use an ssl:// --mqtt-url.",
                "Works while 'hub serve' runs on the same data directory."})
final class ProvisionStationCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory made by 'hub init'")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database, if serve uses --db")
    String jdbcUrl;

    @Option(names = "--center", required = true, paramLabel = "ID", description = "centre id (created if absent)")
    String centerId;

    @Option(names = "--station", required = true, paramLabel = "ID", description = "new station id")
    String stationId;

    @Option(names = "--kind", required = true, paramLabel = "PROFILE",
            description = "station profile id: cda-light, cda-heavy, cda-motorcycle, their -mobile variants, "
                    + "cale-theory, cale-practical")
    String profile;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "bundle file to write (must not exist)")
    Path out;

    @Option(names = "--mqtt-url", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:1883",
            description = "broker URL written into the bundle (default ${DEFAULT-VALUE})")
    String mqttUrl;

    @Option(names = "--public-key", paramLabel = "BASE64URL",
            description = "the raw Ed25519 public key (base64url) of a key generated on the device: registered instead "
                    + "of generating one here; the bundle then carries no signing key")
    String publicKey;

    @Option(names = "--client-cert",
            description = "also issue a TLS client certificate (CN = station id) from the hub's broker CA and put it "
                    + "with its key in the bundle: over ssl:// the station then logs in with it instead of the password")
    boolean clientCert;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " already exists; not overwriting a bundle");
        }
        HubHome home = HubHome.open(data);
        BundleIssuer.Issued issued;
        try (Database db = jdbcUrl == null ? Database.openDefault(data) : Database.open(jdbcUrl)) {
            issued = new BundleIssuer(new Registry(db, Clock.systemUTC()).actingAs(Actors.cli()), Clock.systemDefaultZone(),
                    home.hubKey().verificationKey(), home.brokerCa(), mqttUrl)
                    .issue(new Provisioning.Request(centerId, stationId, profile, publicKey, true), mqttUrl, clientCert);
        }
        StationBundle bundle = issued.bundle();
        IssuedCertificate certificate = issued.certificate();
        SecretFiles.writeNew(out, Json.write(bundle));
        spec.commandLine().getOut().println("provisioned station " + bundle.stationId() + " (" + bundle.profile()
                + ") in centre " + bundle.centerId() + ": key " + bundle.keyId()
                + (publicKey == null ? "" : " (generated on the device)") + ", bundle " + out.toAbsolutePath()
                + " (0600), broker CA included" + (certificate == null ? "" : ", client certificate CN=" + bundle.stationId()
                + " until " + certificate.certificate().getNotAfter().toInstant()));
        return 0;
    }
}
