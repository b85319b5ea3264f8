package co.rtm.hub.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** HiveMQ drags in logback at INFO; tests only want warnings, plus our own INFO lines. */
public final class QuietLogs {

    private QuietLogs() {
    }

    public static void apply() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
            ((Logger) LoggerFactory.getLogger("co.rtm")).setLevel(Level.INFO);
        }
    }
}
