package co.rtm.hub.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a CONNECT into a {@link Principal} and its topic permissions, or refuses it.
 *
 * <p>The client id must equal the username: otherwise an authenticated station could connect
 * with another station's client id, take over that station's persistent session and read its
 * queued acks. A station's will, if any, must go to its own status topic.
 *
 * <p>Over TLS a station may present a client certificate from the hub's broker CA instead of a
 * password; its common name must be the client id, and the ACL is the same.
 *
 * <p>The {@link ClientAuthenticator} may block (registry look-up), so it runs on the extension
 * executor, not on the broker's network thread.
 */
final class ConnectAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthenticator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClientAuthenticator authenticator;
    /** The CA whose client certificates authenticate stations; null without a TLS listener. */
    private final X509Certificate clientCa;
    /** Told of every admitted client, by client id. */
    private final BiConsumer<String, Admission> admitted;

    ConnectAuthenticator(ClientAuthenticator authenticator, X509Certificate clientCa, BiConsumer<String, Admission> admitted) {
        this.authenticator = authenticator;
        this.clientCa = clientCa;
        this.admitted = admitted;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isPresent()) {
            decideLater(connect.getClientId(), output, () -> decideByCertificate(connect, certificate.get(), output));
            return;
        }
        Optional<String> username = connect.getUserName();
        if (username.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "username required");
            return;
        }
        byte[] password = connect.getPassword().map(ConnectAuthenticator::copy).orElseGet(() -> new byte[0]);
        decideLater(username.get(), output, () -> {
            try {
                decideByPassword(connect, username.get(), password, output);
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        });
    }

    private static void decideLater(String who, SimpleAuthOutput output, Runnable decision) {
        Async<SimpleAuthOutput> async = output.async(TIMEOUT, TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_BUSY);
        Services.extensionExecutorService().submit(() -> {
            try {
                decision.run();
            } catch (RuntimeException e) {
                LOG.warn("authentication of '{}' failed with an error", who, e);
                output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "authentication error");
            } finally {
                async.resume();
            }
        });
    }

    /**
     * A client certificate, when presented, is the credential: it must come from the hub's broker CA and
     * name the client id, and the username, if any, must be that id too. A password sent beside it is
     * ignored; a bad certificate is refused, never retried as a password login.
     */
    private void decideByCertificate(ConnectPacket connect, X509Certificate certificate, SimpleAuthOutput output) {
        String clientId = connect.getClientId();
        if (clientCa == null) {
            refuse(output, clientId, ConnackReasonCode.NOT_AUTHORIZED, "client certificates are not accepted here");
            return;
        }
        ClientCertificates.Identity identity = ClientCertificates.identify(certificate, clientCa, Instant.now());
        if (identity instanceof ClientCertificates.Identity.Untrusted untrusted) {
            refuse(output, clientId, ConnackReasonCode.NOT_AUTHORIZED, untrusted.reason());
            return;
        }
        String commonName = ((ClientCertificates.Identity.Trusted) identity).commonName();
        if (!commonName.equals(clientId)) {
            refuse(output, clientId, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "certificate is for '" + commonName + "', not for client id '" + clientId + "'");
            return;
        }
        if (connect.getUserName().filter(u -> !u.equals(clientId)).isPresent()) {
            refuse(output, clientId, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "username must equal the certificate's station id");
            return;
        }
        Optional<Principal> principal = authenticator.authenticateStation(clientId)
                .filter(p -> p instanceof Principal.Station station && station.stationId().equals(clientId));
        if (principal.isEmpty()) {
            refuse(output, clientId, ConnackReasonCode.NOT_AUTHORIZED, "station is not registered or not active");
            return;
        }
        admit(connect, clientId, principal.get(), output);
    }

    private static void refuse(SimpleAuthOutput output, String clientId, ConnackReasonCode code, String reason) {
        LOG.info("refused client '{}': {}", clientId, reason);
        output.failAuthentication(code, reason);
    }

    private void decideByPassword(ConnectPacket connect, String username, byte[] password, SimpleAuthOutput output) {
        Optional<Principal> principal = authenticator.authenticate(username, password);
        if (principal.isEmpty()) {
            LOG.info("refused client '{}': bad username or password", username);
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
            return;
        }
        if (!connect.getClientId().equals(username)) {
            LOG.info("refused client '{}': client id '{}' differs from username", username, connect.getClientId());
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id must equal username");
            return;
        }
        admit(connect, username, principal.get(), output);
    }

    /** Same for both credentials: a station's will goes to its own status topic, and the ACL applies. */
    private void admit(ConnectPacket connect, String username, Principal principal, SimpleAuthOutput output) {
        Optional<String> badWill = connect.getWillPublish()
                .map(WillPublishPacket::getTopic)
                .filter(topic -> !willAllowed(principal, topic));
        if (badWill.isPresent()) {
            LOG.info("refused client '{}': will topic '{}' not allowed", username, badWill.get());
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "will must go to the own status topic");
            return;
        }
        output.getDefaultPermissions().addAll(TopicAcl.permissionsOf(principal));
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        Optional<WillPublishPacket> will = connect.getWillPublish();
        admitted.accept(connect.getClientId(), new Admission(principal, will.map(WillPublishPacket::getTopic).orElse(null),
                will.flatMap(WillPublishPacket::getPayload).map(ConnectAuthenticator::copy).orElse(will.isPresent() ? new byte[0] : null)));
        output.authenticateSuccessfully();
    }

    private static boolean willAllowed(Principal principal, String topic) {
        return principal instanceof Principal.Station station
                && topic.equals(TopicAcl.stationTopic(station, TopicAcl.STATUS));
    }

    private static byte[] copy(ByteBuffer buffer) {
        ByteBuffer readOnly = buffer.asReadOnlyBuffer();
        byte[] bytes = new byte[readOnly.remaining()];
        readOnly.get(bytes);
        return bytes;
    }
}
