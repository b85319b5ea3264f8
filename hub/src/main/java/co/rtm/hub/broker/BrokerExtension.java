package co.rtm.hub.broker;

import co.rtm.hub.transport.AsyncMessageHandler;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded extension: installs the authenticator, puts a {@link StationIntake} on every station's connection,
 * tells an attached hub of stations' wills ({@link StationWills}), and exposes the broker's client and publish
 * services.
 */
final class BrokerExtension implements ExtensionMain {

    private final ClientAuthenticator authenticator;
    private final java.security.cert.X509Certificate clientCa;
    /** Who each admitted client is, by client id (a station's client id is its station id). */
    private final Map<String, Admission> admitted = new ConcurrentHashMap<>();
    private volatile ClientService clients;
    private volatile PublishService publishes;
    private volatile BrokerLink link;

    /** @param clientCa the CA of station client certificates, or null to accept none */
    BrokerExtension(ClientAuthenticator authenticator, java.security.cert.X509Certificate clientCa) {
        this.authenticator = authenticator;
        this.clientCa = clientCa;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        ConnectAuthenticator connectAuthenticator = new ConnectAuthenticator(authenticator, clientCa, admitted::put);
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> connectAuthenticator);
        // runs after a client was authenticated, for every connection
        Services.initializerRegistry().setClientInitializer((initializerInput, context) -> {
            Admission admission = admitted.get(initializerInput.getClientInformation().getClientId());
            if (admission != null && admission.principal() instanceof Principal.Station station) {
                context.addPublishInboundInterceptor(new StationIntake(station, () -> link));
            }
        });
        Services.eventRegistry().setClientLifecycleEventListener(providerInput -> new StationWills(admitted, () -> link));
        clients = Services.clientService();
        publishes = Services.publishService();
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        clients = null;
        publishes = null;
    }

    /** @throws IllegalStateException before the broker started the extension or after it stopped */
    ClientService clients() {
        ClientService current = clients;
        if (current == null) {
            throw new IllegalStateException("broker extension not running");
        }
        return current;
    }

    /** Hands stations' results to {@code handler} from now on (see {@link BrokerLink}); one hub at a time. */
    synchronized BrokerLink attach(AsyncMessageHandler handler) {
        PublishService current = publishes;
        if (current == null) {
            throw new IllegalStateException("broker extension not running");
        }
        if (link != null && link.isConnected()) {
            throw new IllegalStateException("a hub is already attached to this broker");
        }
        link = new BrokerLink(handler, current);
        return link;
    }
}
