package co.rtm.hub.registry;

import co.rtm.hub.tls.BrokerCa;
import co.rtm.hub.tls.IssuedCertificate;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.VerificationKey;
import java.time.Clock;
import java.util.Objects;

/**
 * Provisions a station and returns the bundle file the agent imports, with the broker CA and, on request, a TLS
 * client certificate (CN = station id): the one code path of {@code hub provision-station} and
 * {@code POST /api/centers/{id}/stations}. The bundle holds the MQTT password and possibly private keys: callers
 * write it to a 0600 file or a response body, never to a log.
 */
public final class BundleIssuer {
    private final Registry registry;
    private final Clock clock;
    private final Provisioning provisioning;
    private final VerificationKey hubKey;
    private final BrokerCa ca;
    private final String defaultMqttUrl;

    /** @param defaultMqttUrl the broker URL written into bundles whose request names none */
    public BundleIssuer(Registry registry, Clock clock, VerificationKey hubKey, BrokerCa ca, String defaultMqttUrl) {
        this.registry = registry;
        this.clock = clock;
        this.provisioning = new Provisioning(registry, clock);
        this.hubKey = Objects.requireNonNull(hubKey, "hubKey");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.defaultMqttUrl = Objects.requireNonNull(defaultMqttUrl, "defaultMqttUrl");
    }

    /** The same issuer whose registry changes are audited as made by {@code actor}. */
    public BundleIssuer actingAs(String actor) {
        return new BundleIssuer(registry.actingAs(actor), clock, hubKey, ca, defaultMqttUrl);
    }

    /**
     * @param mqttUrl null for the default
     * @throws InvalidField, NoSuchElementException, IllegalStateException as {@link Provisioning#provision}
     */
    public Issued issue(Provisioning.Request request, String mqttUrl, boolean clientCertificate) {
        StationBundle bundle = provisioning.provision(request, hubKey, mqttUrl == null ? defaultMqttUrl : mqttUrl);
        IssuedCertificate certificate = clientCertificate ? ca.issueClient(bundle.stationId()) : null;
        return new Issued(bundle.withTls(new StationBundle.Tls(ca.certificatePem(),
                certificate == null ? null : certificate.certificatePem(),
                certificate == null ? null : certificate.privateKeyPem())), certificate);
    }

    /** The bundle, and the client certificate it carries (null when none was asked for). */
    public record Issued(StationBundle bundle, IssuedCertificate certificate) {
        @Override
        public String toString() {
            return "Issued[" + bundle.keyId() + "]";
        }
    }
}
