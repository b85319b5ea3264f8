package co.rtm.agent.login;

import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.station.StartGate;

import java.util.Optional;

/**
 * {@code requireLogin: true}: no vehicle starts while nobody is logged in on the lane, since the hub refuses an
 * inspection with no registered active inspector logged in at its start ({@code NO_INSPECTOR_LOGGED_IN}). Tells
 * the technician once each time the lane starts holding.
 */
public final class LoginGate implements StartGate {

    public static final String NOBODY = "Ningún inspector ha iniciado sesión: ponga el dedo en el lector";

    private final LoginStore store;
    private final LaneDisplay display;
    private boolean holding;

    public LoginGate(LoginStore store, LaneDisplay display) {
        this.store = store;
        this.display = display;
    }

    @Override
    public synchronized Optional<String> holdReason() {
        if (store.anyoneLoggedIn()) {
            holding = false;
            return Optional.empty();
        }
        if (!holding) {
            display.notice(NOBODY);
            holding = true;
        }
        return Optional.of(NOBODY);
    }
}
