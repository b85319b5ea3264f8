package co.rtm.profiles.wire;

/**
 * A station topic {@code runt/v1/{centerId}/{stationId}/{kind}}. Both ids are safe topic levels
 * ({@link Ids}), so a topic built here never contains a wildcard or an extra level.
 */
public record Topic(String centerId, String stationId, TopicKind kind) {

    public static final String PREFIX = "runt/v1/";

    /** What every hub instance subscribes to on a shared (clustered) broker. */
    public static final String SHARED_SUBSCRIPTION = "$share/hub/" + PREFIX + "+/+/+";

    /** Every station topic, for a single hub without shared subscriptions. */
    public static final String ALL_STATIONS = PREFIX + "+/+/+";

    public Topic {
        Ids.requireSafe(centerId, "centerId");
        Ids.requireSafe(stationId, "stationId");
        if (kind == null) {
            throw new IllegalArgumentException("topic kind is null");
        }
    }

    /**
     * Parses a concrete topic name (no wildcards, no shared prefix). Throws
     * {@link IllegalArgumentException} for anything else.
     */
    public static Topic parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            throw new IllegalArgumentException("topic must start with " + PREFIX + ": " + Ids.quote(topic));
        }
        String rest = topic.substring(PREFIX.length());
        int a = rest.indexOf('/');
        int b = a < 0 ? -1 : rest.indexOf('/', a + 1);
        if (a < 0 || b < 0 || rest.indexOf('/', b + 1) >= 0) {
            throw new IllegalArgumentException("topic must be " + PREFIX + "{centerId}/{stationId}/{kind}: " + Ids.quote(topic));
        }
        return new Topic(rest.substring(0, a), rest.substring(a + 1, b), TopicKind.fromWire(rest.substring(b + 1)));
    }

    /** The filter a station's agent subscribes to for what the hub sends it (ack, config). */
    public static String stationFilter(String centerId, String stationId) {
        return PREFIX + Ids.requireSafe(centerId, "centerId") + "/" + Ids.requireSafe(stationId, "stationId") + "/+";
    }

    /** The topic name. */
    public String name() {
        return PREFIX + centerId + "/" + stationId + "/" + kind.wire();
    }

    @Override
    public String toString() {
        return name();
    }
}
