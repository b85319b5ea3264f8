package co.rtm.hub;

import co.rtm.hub.broker.EmbeddedBroker;
import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.StationChanges;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a station or key change effective at once in this hub, whoever made it (this process, a
 * {@code hub deactivate-station} command, another hub instance): ingestion forgets what it cached about
 * the station, and a station that is no longer active is dropped from the embedded broker (whose
 * CONNECT check already refuses it). Changes made through this hub's own registry act at once; others
 * within one poll interval.
 */
final class StationChangeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationChangeWatch.class);

    private final StationChanges changes;
    private final Registry registry;
    private final CachedStationDirectory directory;
    private final EmbeddedBroker broker;
    private final ScheduledExecutorService poller;
    private volatile long seen;

    /** @param broker null with an external broker (it is then that broker's job to drop the station) */
    static StationChangeWatch start(StationChanges changes, Registry registry, CachedStationDirectory directory,
                                    EmbeddedBroker broker, Duration interval) {
        StationChangeWatch watch = new StationChangeWatch(changes, registry, directory, broker);
        registry.onStationChange(watch::apply);
        watch.poller.scheduleWithFixedDelay(watch::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private StationChangeWatch(StationChanges changes, Registry registry, CachedStationDirectory directory,
                               EmbeddedBroker broker) {
        this.changes = changes;
        this.registry = registry;
        this.directory = directory;
        this.broker = broker;
        this.seen = changes.head();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-change-watch");
            t.setDaemon(true);
            return t;
        });
    }

    private void poll() {
        try {
            for (StationChanges.Change change : changes.since(seen)) {
                LOG.info("station {}: {} (audit entry {})", change.stationId(), change.kind(), change.auditId());
                apply(change.stationId());
                seen = change.auditId();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read station changes: {}", e.toString());
        }
    }

    private void apply(String stationId) {
        directory.invalidate(stationId);
        if (broker != null && registry.findStation(stationId).map(s -> !s.active()).orElse(true)) {
            broker.disconnect(stationId).whenComplete((dropped, failure) -> {
                if (Boolean.TRUE.equals(dropped)) {
                    LOG.info("station {} is not active: disconnected from the broker", stationId);
                }
            });
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
