package co.rtm.agent.login;

import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.wire.LoginEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lane's biometric login: each capture from the fingerprint reader is matched 1:1 against every enrolled
 * inspector ({@link InspectorMatch}); the one recognised is toggled: logged out, a {@code LOGIN} event; logged in,
 * a {@code LOGOUT} event. The event is stored signed in the outbox first (so it reaches the hub like a result,
 * never lost) and only then is the new state kept in {@link LoginStore}: a crash in between sends the same event
 * again at the next capture, which the hub reads the same way. A finger that matches nobody is logged and shown,
 * and nothing is sent. Listens to the reader's events ({@link #accept}); one capture at a time.
 */
public final class LaneLogin implements Consumer<InstrumentEvent> {

    /** What one capture did. */
    public sealed interface Outcome {
        record LoggedIn(String document) implements Outcome {}

        record LoggedOut(String document) implements Outcome {}

        record NotRecognised(double threshold) implements Outcome {}

        /** Matched, but the station stopped before the event was stored: nothing changed. */
        record NotRecorded(String document) implements Outcome {}
    }

    private static final Logger LOG = LoggerFactory.getLogger(LaneLogin.class);

    private final InspectorsFile inspectors;
    private final LoginStore store;
    private final EventPublisher publisher;
    private final LaneDisplay display;

    public LaneLogin(InspectorsFile inspectors, LoginStore store, EventPublisher publisher, LaneDisplay display) {
        this.inspectors = inspectors;
        this.store = store;
        this.publisher = publisher;
        this.display = display;
    }

    @Override
    public void accept(InstrumentEvent event) {
        if (event instanceof Reading r && r.sample() instanceof Sample.FingerprintCapture c) {
            capture(c.template());
        } else if (event instanceof Fault f) {
            LOG.warn("fingerprint reader: {} {}", f.kind(), f.detail());
            display.notice(switch (f.kind()) {
                case DISCONNECTED, TIMEOUT -> "Lector de huellas sin conexión: " + f.detail();
                default -> "Lector de huellas: " + f.detail() + "; ponga el dedo otra vez";
            });
        }
    }

    /** Matches one captured template and toggles the inspector it belongs to. */
    public synchronized Outcome capture(byte[] template) {
        double threshold = inspectors.effectiveThreshold();
        Optional<InspectorMatch> match;
        try {
            match = InspectorMatch.best(template, inspectors.inspectors(), threshold);
        } catch (IllegalArgumentException e) {
            LOG.warn("fingerprint capture unusable: {}", e.getMessage());
            display.notice("Huella no reconocida: ponga el dedo otra vez");
            return new Outcome.NotRecognised(threshold);
        }
        if (match.isEmpty()) {
            LOG.warn("fingerprint matches no enrolled inspector (threshold {}); nothing sent", threshold);
            display.notice("Huella no reconocida: ningún inspector inscrito coincide; nada se envía");
            return new Outcome.NotRecognised(threshold);
        }
        Inspector who = match.get().inspector();
        String doc = who.document();
        boolean out = store.isLoggedIn(doc);
        boolean stored = publisher.publish(h -> out ? LoginEvents.logout(h, doc) : LoginEvents.login(h, doc));
        if (!stored) {
            LOG.error("{} of {} not stored: the station is stopping; nothing changed", out ? "logout" : "login", doc);
            display.notice("No se registró la huella de " + who.name() + ": la estación se está deteniendo");
            return new Outcome.NotRecorded(doc);
        }
        try {
            if (out) {
                store.logout(doc);
            } else {
                store.login(doc, Instant.now());
            }
        } catch (IOException e) {
            // the event is in the outbox: the hub knows; only our memory of it failed
            LOG.error("{} of {} sent but not remembered locally: {}", out ? "logout" : "login", doc, e.getMessage());
        }
        LOG.info("inspector {} ({}) {} (score {})", doc, who.name(), out ? "logged out" : "logged in",
                Math.round(match.get().score()));
        display.notice((out ? "Sesión cerrada: " : "Sesión iniciada: ") + who.name() + " (" + doc + ")");
        return out ? new Outcome.LoggedOut(doc) : new Outcome.LoggedIn(doc);
    }
}
