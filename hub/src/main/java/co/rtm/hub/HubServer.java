package co.rtm.hub;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.config.ConfigChanges;
import co.rtm.hub.config.ConfigPublisher;
import co.rtm.hub.config.ScheduleStops;
import co.rtm.hub.config.ConfigWatch;
import co.rtm.hub.broker.EmbeddedBroker;
import co.rtm.hub.broker.TlsListener;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.ingest.IngestPipeline;
import co.rtm.hub.ingest.StationPresence;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.BundleIssuer;
import co.rtm.hub.registry.Provisioning;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.StationChanges;
import co.rtm.hub.store.Database;
import co.rtm.hub.tracks.TrackCoapServer;
import co.rtm.hub.tracks.TrackLimits;
import co.rtm.hub.tracks.TrackerPsks;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.hub.tls.BrokerCa;
import co.rtm.hub.transport.HubClientSettings;
import co.rtm.hub.transport.HubMqttClient;
import co.rtm.hub.transport.StationLink;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.StationBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: database, registry, ledger, the embedded broker (unless an external one is
 * configured) and the {@link StationLink} that feeds the {@link Ingestor}: in-process on the embedded broker, an MQTT
 * client on an external one. Start with {@link #start},
 * stop with {@link #close}.
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    /** How long a key revocation made by another process may go unnoticed by a running hub. */
    static final Duration STATION_CACHE_TTL = Duration.ofSeconds(10);
    /** How often the hub looks for station changes made by other processes (deactivation, key revocation). */
    static final Duration STATION_CHANGE_POLL = Duration.ofMillis(250);

    private final HubConfig config;
    private final HubHome home;
    private final Database db;
    private final Registry registry;
    private final EmbeddedBroker broker;
    /** False when the caller started the broker and stops it. */
    private final boolean ownsBroker;
    private final Ingestor ingestor;
    private final IngestPipeline pipeline;
    private final String mqttUrl;
    private final Clock clock;
    private BrokerCa brokerCa;
    private StationChangeWatch changeWatch;
    private ConfigWatch configWatch;
    private volatile Duration startupTime;
    private volatile StationLink link;
    private volatile ApiServer api;
    private volatile TrackCoapServer trackers;

    private HubServer(HubConfig config, HubHome home, Database db, Registry registry, EmbeddedBroker broker,
                      boolean ownsBroker, Ingestor ingestor, IngestPipeline pipeline, String mqttUrl, Clock clock) {
        this.ownsBroker = ownsBroker;
        this.config = config;
        this.clock = clock;
        this.home = home;
        this.db = db;
        this.registry = registry;
        this.broker = broker;
        this.ingestor = ingestor;
        this.pipeline = pipeline;
        this.mqttUrl = mqttUrl;
    }

    /**
     * Starts everything and returns once the hub is subscribed and ingesting.
     *
     * @throws IllegalStateException if the data directory was not initialised, the port is taken, or
     *                               the broker refuses the hub's connection
     */
    public static HubServer start(HubConfig config) {
        return start(config, TrackLimits.defaults());
    }

    /** {@link #start(HubConfig)} with the bounds of the track filters (docs/tracks.md). */
    public static HubServer start(HubConfig config, TrackLimits trackLimits) {
        return start(config, trackLimits, Clock.systemUTC());
    }

    /**
     * {@link #start(HubConfig, TrackLimits)} on {@code clock}: every time-dependent part the hub creates (ledger,
     * track filters, registry and provisioning, config versions, alerts, API, trackers) reads it. Production runs on
     * {@code Clock.systemUTC()}; the simulator's mobile line runs hub and line on one compressed clock. The MQTT
     * sessions and the broker's TLS certificates keep real time.
     */
    public static HubServer start(HubConfig config, TrackLimits trackLimits, Clock clock) {
        return start(config, trackLimits, clock, null);
    }

    /**
     * A hub on an embedded broker the caller started and stops after closing the hub (the load benchmark's broker
     * admits a second client with the hub's rights). The hub attaches to it in-process, as to its own; the broker's
     * plain URL goes into bundles, without TLS. {@code config.externalBrokerUrl()} must be null.
     */
    public static HubServer start(HubConfig config, EmbeddedBroker broker) {
        java.util.Objects.requireNonNull(broker, "broker");
        if (config.externalBrokerUrl() != null) {
            throw new IllegalArgumentException("an external broker URL and an embedded broker exclude each other");
        }
        return start(config, TrackLimits.defaults(), Clock.systemUTC(), broker);
    }

    private static HubServer start(HubConfig config, TrackLimits trackLimits, Clock clock, EmbeddedBroker given) {
        long started = System.nanoTime();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            HubHome home = HubHome.open(config.dataDir());
            Database db = config.jdbcUrl() == null ? Database.openDefault(config.dataDir()) : Database.open(config.jdbcUrl());
            opened.push(db);
            Registry registry = new Registry(db, clock);
            Ledger ledger = new Ledger(db, clock);
            CachedStationDirectory directory = new CachedStationDirectory(registry, clock, STATION_CACHE_TTL);
            HubServer[] self = new HubServer[1];
            Ingestor ingestor = new Ingestor(db, ledger, directory, Scorer.builtIn(), home.hubKey(),
                    (topic, correlation, ack) -> self[0].reply(topic, correlation, ack), clock, trackLimits);
            IngestPipeline pipeline = IngestPipeline.forThisMachine(ingestor);
            opened.push(pipeline);
            EmbeddedBroker broker = given;
            BrokerCa ca = null;
            String url = config.externalBrokerUrl();
            if (url == null && broker == null) {
                ca = home.brokerCa();
                TlsListener tls = config.mqttTlsPort() == HubConfig.NO_TLS ? null : new TlsListener(config.mqttTlsPort(),
                        ca.server().privateKey(), List.of(ca.server().certificate(), ca.certificate()), ca.certificate());
                broker = EmbeddedBroker.start(home.brokerDir(), config.mqttPort(), tls,
                        new HubAuthenticator(registry, config.instanceId(), home.hubMqttPassword()));
                opened.push(broker);
            }
            if (broker != null) {
                url = broker.url();
            }
            HubServer server = new HubServer(config, home, db, registry, broker, given == null, ingestor, pipeline, url,
                    clock);
            self[0] = server;
            server.brokerCa = ca;
            server.changeWatch = StationChangeWatch.start(new StationChanges(db), registry, directory, broker,
                    STATION_CHANGE_POLL);
            opened.push(server.changeWatch);
            if (broker != null) {
                // in-process: results go from the broker to the pipeline and acks back without an MQTT client
                server.link = broker.attach(pipeline);
            } else {
                HubClientSettings settings = HubClientSettings.of(url, config.instanceId(), home.hubMqttPassword())
                        .withShared(true);
                server.link = HubMqttClient.connectPipelined(settings, pipeline);
            }
            opened.push(server.link);
            server.configWatch = ConfigWatch.start(new ConfigChanges(db), new ConfigPublisher(registry, home.hubKey(),
                    server::publishRetained, clock, ScheduleStops.from(db)), STATION_CHANGE_POLL);
            opened.push(server.configWatch);
            server.startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("hub '{}' ingesting from {} (started in {} ms)", config.instanceId(),
                    broker != null ? url + " in-process" : url, server.startupTime.toMillis());
            return server;
        } catch (MqttException e) {
            closeAll(opened);
            throw new IllegalStateException("the hub could not connect to its broker: " + e.getMessage(), e);
        } catch (IOException e) {
            closeAll(opened);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * Creates a station on this hub and returns its bundle, pointing at this hub's broker (plain listener)
     * and, with the embedded broker, carrying the broker CA.
     */
    public StationBundle provision(String centerId, String stationId, String profileId) {
        StationBundle bundle = new Provisioning(registry, clock)
                .provision(centerId, stationId, profileId, home.hubKey().verificationKey(), mqttUrl);
        return brokerCa == null ? bundle : bundle.withTls(new StationBundle.Tls(brokerCa.certificatePem(), null, null));
    }

    /** The embedded broker's CA, or null with an external broker. */
    public BrokerCa brokerCa() {
        return brokerCa;
    }

    /** The embedded broker's TLS URL ({@code ssl://127.0.0.1:PORT}), or null without a TLS listener. */
    public String mqttTlsUrl() {
        return broker == null ? null : broker.tlsUrl();
    }

    private void reply(String topic, byte[] correlation, byte[] ack) {
        StationLink c = link;
        if (c == null) {
            // a message from a surviving session arrived before connect() returned: the station resends
            LOG.info("ack to {} not sent: the hub client is still connecting", topic);
            return;
        }
        c.reply(topic, correlation, ack).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("ack to {} failed: {}", topic, failure.toString());
            }
        });
    }

    private void publishRetained(String topic, byte[] payload) {
        StationLink c = link;
        if (c == null) {
            LOG.info("config to {} not sent: the hub client is not connected", topic);
            return;
        }
        c.publishRetained(topic, payload).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("config to {} failed: {}", topic, failure.toString());
            }
        });
    }

    /** Starts the REST API on 127.0.0.1:{@code httpPort} (0 picks a free port); it stops with the hub. */
    public ApiServer startApi(int httpPort) {
        BundleIssuer issuer;
        try {
            // the hub's own registry: ingestion's caches hear of the new station at once
            issuer = new BundleIssuer(registry, clock.withZone(java.time.ZoneId.systemDefault()), home.hubKey().verificationKey(), home.brokerCa(),
                    mqttUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api = ApiServer.start(db, httpPort, new Supervisors(db, clock), this::counters,
                () -> link != null && link.isConnected() ? "up" : "down", (request, url, cert, user) -> issuer.actingAs(user).issue(request, url, cert),
                home.hubKey(),
                new co.rtm.hub.dashboard.DashboardSources(ingestor.feed(), ingestor.presence()), clock);
        return api;
    }

    /**
     * Starts the sealed trackers' CoAP/DTLS endpoint on 127.0.0.1:{@code port} (0 picks a free port); it stops with
     * the hub. See docs/tracks.md.
     */
    public TrackCoapServer startTrackers(int port) {
        trackers = TrackCoapServer.start(ingestor, new TrackerPsks(db, clock), port);
        return trackers;
    }

    /** The clock the hub judges by ({@code Clock.systemUTC()} unless started on another). */
    public Clock clock() {
        return clock;
    }

    /** The URL stations connect to. */
    public String mqttUrl() {
        return mqttUrl;
    }

    /** The embedded broker's port, or -1 with an external broker. */
    public int mqttPort() {
        return broker == null ? -1 : broker.port();
    }

    public Database database() {
        return db;
    }

    public Registry registry() {
        return registry;
    }

    public IngestCounts counters() {
        return ingestor.counts();
    }

    public StationPresence presence() {
        return ingestor.presence();
    }

    /** From the call to {@link #start} until the hub was subscribed. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops ingesting, then the broker, then the database. Unacknowledged messages stay with the broker. */
    @Override
    public void close() {
        ApiServer a = api;
        if (a != null) {
            a.close();
        }
        TrackCoapServer t = trackers;
        if (t != null) {
            t.close();
        }
        StationLink c = link;
        link = null;
        if (changeWatch != null) {
            changeWatch.close();
        }
        if (configWatch != null) {
            configWatch.close();
        }
        if (c != null) {
            c.close();
        }
        pipeline.close();
        if (broker != null && ownsBroker) {
            broker.stop();
        }
        db.close();
        LOG.info("hub '{}' stopped", config.instanceId());
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.debug("closing after a failed start", e);
            }
        }
    }
}
