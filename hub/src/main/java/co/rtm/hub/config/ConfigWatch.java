package co.rtm.hub.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every station's retained config current: publishes it for all active stations when started, then polls the
 * audit log and republishes it for each station a registry change concerns (provisioning, activation, keys, lane
 * capacity, the centre's hours, accreditation or class), whoever made the change, within one poll interval. Every
 * {@link #REFRESH} it publishes all of them again: that resends a config lost while the hub's MQTT client was
 * down, and carries the next year's holidays into the agents without a registry change.
 */
public final class ConfigWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatch.class);
    static final Duration REFRESH = Duration.ofHours(1);

    private final ConfigChanges changes;
    private final ConfigPublisher publisher;
    private final ScheduledExecutorService poller;
    private volatile long seen;

    private ConfigWatch(ConfigChanges changes, ConfigPublisher publisher) {
        this.changes = changes;
        this.publisher = publisher;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "config-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public static ConfigWatch start(ConfigChanges changes, ConfigPublisher publisher, Duration interval) {
        ConfigWatch watch = new ConfigWatch(changes, publisher);
        watch.seen = changes.head();
        watch.poller.execute(watch::publishAll);
        watch.poller.scheduleWithFixedDelay(watch::publishAll, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        watch.poller.scheduleWithFixedDelay(watch::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private void publishAll() {
        try {
            List<String> stations = changes.activeStations();
            int published = 0;
            for (String id : stations) {
                published += publisher.publish(id) ? 1 : 0;
            }
            LOG.info("config published for {} of {} active station(s)", published, stations.size());
        } catch (RuntimeException e) {
            LOG.warn("cannot publish the stations' config: {}", e.toString());
        }
    }

    private void poll() {
        try {
            ConfigChanges.Batch batch = changes.since(seen);
            for (String stationId : batch.stationIds()) {
                publisher.publish(stationId);
            }
            seen = batch.lastId();
        } catch (RuntimeException e) {
            LOG.warn("cannot read registry changes for config: {}", e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
