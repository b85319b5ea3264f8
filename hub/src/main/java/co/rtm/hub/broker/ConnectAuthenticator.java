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
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a CONNECT into a {@link Principal} and its topic permissions, or refuses it.
 *
 * <p>The client id must equal the username: otherwise an authenticated station could connect
 * with another station's client id, take over that station's persistent session and read its
 * queued acks. A station's will, if any, must go to its own status topic.
 *
 * <p>The {@link ClientAuthenticator} may block (registry look-up), so it runs on the extension
 * executor, not on the broker's network thread.
 */
final class ConnectAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthenticator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClientAuthenticator authenticator;

    ConnectAuthenticator(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<String> username = connect.getUserName();
        if (username.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "username required");
            return;
        }
        byte[] password = connect.getPassword().map(ConnectAuthenticator::copy).orElseGet(() -> new byte[0]);
        Async<SimpleAuthOutput> async = output.async(TIMEOUT, TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_BUSY);
        Services.extensionExecutorService().submit(() -> {
            try {
                decide(connect, username.get(), password, output);
            } catch (RuntimeException e) {
                LOG.warn("authentication of '{}' failed with an error", username.get(), e);
                output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "authentication error");
            } finally {
                Arrays.fill(password, (byte) 0);
                async.resume();
            }
        });
    }

    private void decide(ConnectPacket connect, String username, byte[] password, SimpleAuthOutput output) {
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
        Optional<String> badWill = connect.getWillPublish()
                .map(WillPublishPacket::getTopic)
                .filter(topic -> !willAllowed(principal.get(), topic));
        if (badWill.isPresent()) {
            LOG.info("refused client '{}': will topic '{}' not allowed", username, badWill.get());
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "will must go to the own status topic");
            return;
        }
        output.getDefaultPermissions().addAll(TopicAcl.permissionsOf(principal.get()));
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
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
