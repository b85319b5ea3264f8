package co.rtm.agent.exam;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.fingerprint.NetworkFingerprintReader;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.station.BundleException;
import co.rtm.agent.station.Bundles;
import co.rtm.agent.station.EnvelopeAckVerifier;
import co.rtm.agent.uplink.MqttUplink;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.agent.uplink.UplinkConfig;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.profile.StationType;
import co.rtm.profiles.wire.StationBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * A running CALE exam station: the outbox in the data dir, the MQTT uplink to the hub, the Registraduría replica,
 * and the {@link TerminalServer} on 127.0.0.1 where candidate terminals (cale-theory) or examiner consoles
 * (cale-practical) connect. The station kind comes from the bundle's profile.
 */
public final class ExamAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExamAgent.class);
    /** How long a person has to place the finger on the reader. */
    static final Duration CAPTURE_TIMEOUT = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final MqttUplink uplink;
    private final TerminalServer server;
    private final String drawSeed;
    private final DeviceFingerprintSource reader;

    private ExamAgent(Outbox outbox, MqttUplink uplink, TerminalServer server, String drawSeed,
                      DeviceFingerprintSource reader) {
        this.outbox = outbox;
        this.uplink = uplink;
        this.server = server;
        this.drawSeed = drawSeed;
        this.reader = reader;
    }

    /** Starts the station with the profile's threshold and the terminals' fingerprints. */
    public static ExamAgent start(StationBundle bundle, Path dataDir, CivilRegistryReplica replica, int port,
                                  String drawSeed, Clock clock) throws BundleException, IOException {
        return start(bundle, dataDir, replica, port, drawSeed, clock, ExamStationOptions.defaults());
    }

    /**
     * Starts the station; returns at once (the hub need not be reachable).
     *
     * @param drawSeed the theory room session's seed (ignored for practical)
     */
    public static ExamAgent start(StationBundle bundle, Path dataDir, CivilRegistryReplica replica, int port,
                                  String drawSeed, Clock clock, ExamStationOptions options)
            throws BundleException, IOException {
        StationProfile profile = Bundles.examProfile(bundle);
        double threshold = options.matchThreshold() != null ? options.matchThreshold()
                : profile.identity() != null ? profile.identity().matchThreshold() : replica.threshold();
        Outbox outbox = Outbox.open(dataDir, OutboxConfig.defaults());
        try {
            StationTopics topics = new StationTopics(bundle.centerId(), bundle.stationId());
            UplinkConfig config = UplinkConfig.of(bundle.mqtt().url(), topics, bundle.mqtt().password()).withTls(bundle.tls());
            MqttUplink uplink = new MqttUplink(config, outbox, new EnvelopeAckVerifier(bundle.hubKey()), payload -> { });
            ExamPublisher publisher = new OutboxExamPublisher(outbox, bundle.centerId(), bundle.stationId(),
                    bundle.signingKey(), uplink::wake);
            CandidateIdentifier identifier = new CandidateIdentifier(replica, publisher, clock, threshold);
            DeviceFingerprintSource reader = options.fingerprint() == null ? null : new DeviceFingerprintSource(
                    new NetworkFingerprintReader(options.fingerprint().getHost(), options.fingerprint().getPort(),
                            new FingerprintExtractor()), CAPTURE_TIMEOUT).start();
            Function<LineTerminal, FingerprintSource> fingers = t -> reader == null ? t : reader.at(t::tell, t);
            TerminalServer server;
            if (profile.station() == StationType.CALE_THEORY) {
                TheoryExamStation room = new TheoryExamStation(profile, QuestionBank.synthetic(), drawSeed, identifier, publisher, clock);
                server = new TerminalServer(port, Duration.ofMinutes(profile.theory().durationMinutes()), t -> room.sit(t, fingers.apply(t)));
            } else {
                PracticalExamStation station = new PracticalExamStation(profile, FaultCatalogue.builtIn(), identifier, publisher, clock);
                server = new TerminalServer(port, Duration.ofHours(4), t -> station.examine(t, fingers.apply(t)));
            }
            uplink.start();
            LOG.info("exam station {}/{} ({}) started: terminals on 127.0.0.1:{}, hub {}, match threshold {}, fingerprints {}",
                    bundle.centerId(), bundle.stationId(), profile.ref(), server.port(), bundle.mqtt().url(), threshold,
                    reader == null ? "from the terminals" : options.fingerprint());
            return new ExamAgent(outbox, uplink, server, drawSeed, reader);
        } catch (IOException | RuntimeException e) {
            outbox.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public String drawSeed() {
        return drawSeed;
    }

    public long outboxPending() {
        return outbox.pendingCount();
    }

    public boolean connected() {
        return uplink.isConnected();
    }

    @Override
    public void close() {
        server.close();
        if (reader != null) {
            reader.close();
        }
        uplink.close();
        outbox.close();
    }
}
