package co.rtm.agent.station;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.agent.limits.HourlyStarts;
import co.rtm.agent.limits.LimitsGate;
import co.rtm.agent.limits.StationLimits;
import co.rtm.agent.tracks.TrackRecorder;
import co.rtm.agent.tracks.TrackSettings;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.uplink.MqttUplink;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.agent.uplink.UplinkConfig;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.StationEvent;

/**
 * A running inspection lane: the outbox in the data dir, the MQTT uplink to the hub (client id = user name =
 * station id, acks verified with the hub key of the bundle), and the {@link InspectionStation} workflow on its
 * own thread reading the lane. The agent owns the feed it is given and closes it.
 */
public final class StationAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationAgent.class);
    private static final long STOP_WAIT_MS = 15_000;

    private final StationBundle bundle;
    private final Outbox outbox;
    private final MqttUplink uplink;
    private final InspectionStation station;
    private final LaneFeed feed;
    private final Thread thread;
    private TrackRecorder track;
    private boolean closed;

    private StationAgent(StationBundle bundle, Outbox outbox, MqttUplink uplink, InspectionStation station,
                         LaneFeed feed) {
        this.bundle = bundle;
        this.outbox = outbox;
        this.uplink = uplink;
        this.station = station;
        this.feed = feed;
        this.thread = new Thread(station, "station-" + bundle.stationId());
    }

    /** Starts with {@link AgentOptions#defaults()}. */
    public static StationAgent start(StationBundle bundle, Path dataDir, LaneFeed feed) throws BundleException {
        return start(bundle, dataDir, feed, AgentOptions.defaults());
    }

    /**
     * Opens the outbox in {@code dataDir}, connects to the hub in the background and starts taking vehicles
     * from {@code feed}. Returns at once; the hub need not be reachable.
     *
     * @throws BundleException when the bundle's profile is not a lane profile this agent ships
     */
    public static StationAgent start(StationBundle bundle, Path dataDir, LaneFeed feed, AgentOptions options)
            throws BundleException {
        return start(bundle, dataDir, feed, options, StartGate.OPEN);
    }

    /** {@link #start(StationBundle, Path, LaneFeed, AgentOptions)}, asking {@code gate} before each vehicle. */
    public static StationAgent start(StationBundle bundle, Path dataDir, LaneFeed feed, AgentOptions options,
                                     StartGate gate) throws BundleException {
        return start(bundle, dataDir, feed, options, gate, LaneDisplay.logging(LOG), Clock.systemUTC());
    }

    /**
     * {@link #start(StationBundle, Path, LaneFeed, AgentOptions, StartGate)}, also holding the lane while the limits
     * the hub sent in its config (kept in {@code dataDir}) say it would refuse an inspection started on {@code clock};
     * the technician is told on {@code display}.
     */
    public static StationAgent start(StationBundle bundle, Path dataDir, LaneFeed feed, AgentOptions options,
                                     StartGate gate, LaneDisplay display, Clock clock) throws BundleException {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(options, "options");
        StationProfile lane = Bundles.laneProfile(bundle);
        Outbox outbox = Outbox.open(dataDir, options.outbox());
        StationLimits limits = StationLimits.open(dataDir, bundle.hubKey(), bundle.centerId(), bundle.stationId());
        gate = StartGate.both(gate, new LimitsGate(limits, HourlyStarts.open(dataDir), clock, display));
        try {
            Counters counters = new Counters();
            StationTopics topics = new StationTopics(bundle.centerId(), bundle.stationId());
            UplinkConfig config = UplinkConfig.of(bundle.mqtt().url(), topics, bundle.mqtt().password())
                    .withTls(bundle.tls())
                    .withAckTimeout(options.ackTimeout())
                    .withMaxBackoff(options.maxBackoff());
            MqttUplink uplink = new MqttUplink(config, outbox,
                    new CountingAckVerifier(new EnvelopeAckVerifier(bundle.hubKey()), outbox, counters),
                    limits);
            InspectionStation station = new InspectionStation(bundle, lane, outbox, feed, uplink::wake, counters, gate);
            StationAgent agent = new StationAgent(bundle, outbox, uplink, station, feed);
            uplink.start();
            agent.thread.start();
            LOG.info("station {}/{} started: data {}, hub {}, lane {}, {} result(s) waiting in the outbox",
                    bundle.centerId(), bundle.stationId(), dataDir, bundle.mqtt().url(), feed, outbox.pendingCount());
            return agent;
        } catch (RuntimeException e) {
            outbox.close();
            throw e;
        }
    }

    /**
     * Stores a station event (a login, a logout) signed in the outbox for the uplink to send, like a result;
     * waits while the outbox is full.
     *
     * @return true once stored; false when the agent was closed first
     */
    public boolean publishEvent(Function<MessageHeader, StationEvent> event) {
        return station.publish(event);
    }

    /**
     * Mobile lines: starts recording the track from the GPS the lane file names; batches go through this agent's
     * outbox and uplink (docs/tracks.md). Call once.
     */
    public synchronized TrackRecorder recordTrack(TrackSettings settings) {
        if (closed || track != null) {
            throw new IllegalStateException(closed ? "agent closed" : "the track is already recorded");
        }
        LinkedInstrument gps = LinkedInstrument.builder(() -> Decoders.forKind(InstrumentKind.GPS), settings.opener())
                .silence(settings.silence()).threadName("instrument-gps").build();
        track = TrackRecorder.start(gps, outbox, bundle.centerId(), bundle.stationId(), bundle.signingKey(), settings,
                uplink::wake, Clock.systemUTC());
        return track;
    }

    /** What the station did since it started. */
    public StationStats stats() {
        return station.stats();
    }

    /** Results stored but not yet answered by the hub (PENDING + SENT). */
    public long outboxPending() {
        return outbox.pendingCount();
    }

    /** Whether the MQTT link to the hub is up right now. */
    public boolean connected() {
        return uplink.isConnected();
    }

    /**
     * Stops taking vehicles (waiting for the inspection in hand to be stored), then disconnects from the hub
     * (publishing {@code offline}) and closes the outbox. Everything stored stays for the next start.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        station.stop();
        feed.close();
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("station thread did not stop within {} ms", STOP_WAIT_MS);
        }
        if (track != null) {
            track.close();
        }
        uplink.close();
        outbox.close();
        LOG.info("station {}/{} closed", bundle.centerId(), bundle.stationId());
    }
}
