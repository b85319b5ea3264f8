package co.rtm.hub.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;

/** The embedded extension: installs the authenticator and exposes the broker's client service. */
final class BrokerExtension implements ExtensionMain {

    private final ClientAuthenticator authenticator;
    private final java.security.cert.X509Certificate clientCa;
    private volatile ClientService clients;

    /** @param clientCa the CA of station client certificates, or null to accept none */
    BrokerExtension(ClientAuthenticator authenticator, java.security.cert.X509Certificate clientCa) {
        this.authenticator = authenticator;
        this.clientCa = clientCa;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        ConnectAuthenticator connectAuthenticator = new ConnectAuthenticator(authenticator, clientCa);
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> connectAuthenticator);
        clients = Services.clientService();
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        clients = null;
    }

    /** @throws IllegalStateException before the broker started the extension or after it stopped */
    ClientService clients() {
        ClientService current = clients;
        if (current == null) {
            throw new IllegalStateException("broker extension not running");
        }
        return current;
    }
}
