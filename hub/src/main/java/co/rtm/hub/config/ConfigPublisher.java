package co.rtm.hub.config;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.Station;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;

/**
 * Builds a station's {@link StationConfig} from the registry, signs it with the hub key (typ {@code config}) and
 * publishes it retained on the station's config topic. Versions are the hub's clock in milliseconds, bumped so
 * that this publisher never repeats or goes back: a config built later always carries a higher version.
 * Thread-safe.
 */
public final class ConfigPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigPublisher.class);

    private final Registry registry;
    private final SigningKey hubKey;
    private final RetainedSink sink;
    private final Clock clock;
    private final AtomicLong lastVersion = new AtomicLong();
    private final ScheduleStops.Source schedules;

    public ConfigPublisher(Registry registry, SigningKey hubKey, RetainedSink sink, Clock clock) {
        this(registry, hubKey, sink, clock, ScheduleStops.none());
    }

    /** @param schedules the mobile lines' stays, sent as the {@code schedule} of their lanes */
    public ConfigPublisher(Registry registry, SigningKey hubKey, RetainedSink sink, Clock clock,
                           ScheduleStops.Source schedules) {
        this.schedules = schedules;
        this.registry = registry;
        this.hubKey = hubKey;
        this.sink = sink;
        this.clock = clock;
    }

    /** The station's current config, or empty for an unknown station. */
    public Optional<StationConfig> current(String stationId) {
        Optional<Station> station = registry.findStation(stationId);
        if (station.isEmpty()) {
            return Optional.empty();
        }
        Station s = station.get();
        Instant now = clock.instant();
        CenterRules rules = registry.centerRules(s.centerId()).orElse(CenterRules.unregistered(s.centerId()));
        Integer capacity = registry.capacityPerHour(stationId).orElse(null);
        var keys = registry.keys(stationId);
        boolean revoked = !keys.isEmpty() && keys.stream().noneMatch(k -> k.usableAt(now));
        long version = lastVersion.updateAndGet(v -> Math.max(v + 1, now.toEpochMilli()));
        return Optional.of(StationConfigBuilder.build(s, rules, capacity, revoked, version, now, schedules.of(s.centerId())));
    }

    /** Publishes the station's config; logs and returns false when it cannot. */
    public boolean publish(String stationId) {
        try {
            Optional<StationConfig> config = current(stationId);
            if (config.isEmpty()) {
                LOG.warn("no config published for unknown station {}", stationId);
                return false;
            }
            StationConfig c = config.get();
            byte[] signed = Envelope.sign(Json.write(c), StationConfig.TYPE, hubKey);
            sink.publish(new Topic(c.centerId(), c.stationId(), TopicKind.CONFIG).name(), signed);
            LOG.info("config {} published for station {} (active {}, capacity {}, hours {})", c.version(), stationId,
                    c.active(), c.capacityPerHour(), c.hours() == null ? "none" : c.hours().days());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot publish the config of station {}: {}", stationId, e.toString());
            return false;
        }
    }
}
