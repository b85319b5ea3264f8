package co.rtm.hub.broker;

import java.util.Objects;
import java.util.regex.Pattern;

/** Ids that become topic levels must not be able to widen a topic filter or leave their level. */
final class TopicLevel {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TopicLevel() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not a plain MQTT topic level: '" + value + "'");
        }
        return value;
    }
}
