package co.rtm.hub.broker;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells the hub in this process of a station's will when the broker publishes it: the broker routes wills to
 * subscribers without passing them through {@link StationIntake}. A will goes out when the connection is lost, when the
 * broker drops the client (not when a reconnect of the same station takes the session over), or when the client
 * disconnects asking for it.
 */
final class StationWills implements ClientLifecycleEventListener {

    private final Map<String, Admission> admitted;
    private final Supplier<BrokerLink> link;

    StationWills(Map<String, Admission> admitted, Supplier<BrokerLink> link) {
        this.admitted = admitted;
        this.link = link;
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        willOf(input);
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        if (input.getReasonCode().filter(DisconnectedReasonCode.SESSION_TAKEN_OVER::equals).isEmpty()) {
            willOf(input);
        }
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        if (input.getReasonCode().filter(DisconnectedReasonCode.DISCONNECT_WITH_WILL_MESSAGE::equals).isPresent()) {
            willOf(input);
        }
    }

    private void willOf(DisconnectEventInput input) {
        BrokerLink target = link.get();
        Admission admission = admitted.get(input.getClientInformation().getClientId());
        if (target != null && admission != null && admission.willTopic() != null
                && admission.principal() instanceof Principal.Station) {
            target.will(admission.willTopic(), admission.willPayload());
        }
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
    }
}
