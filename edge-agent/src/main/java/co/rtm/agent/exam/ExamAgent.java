package co.rtm.agent.exam;

import co.rtm.agent.identity.CivilRegistryReplica;
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

/**
 * A running CALE exam station: the outbox in the data dir, the MQTT uplink to the hub, the Registraduría replica,
 * and the {@link TerminalServer} on 127.0.0.1 where candidate terminals (cale-theory) or examiner consoles
 * (cale-practical) connect. The station kind comes from the bundle's profile.
 */
public final class ExamAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExamAgent.class);

    private final Outbox outbox;
    private final MqttUplink uplink;
    private final TerminalServer server;
    private final String drawSeed;

    private ExamAgent(Outbox outbox, MqttUplink uplink, TerminalServer server, String drawSeed) {
        this.outbox = outbox;
        this.uplink = uplink;
        this.server = server;
        this.drawSeed = drawSeed;
    }

    /**
     * Starts the station; returns at once (the hub need not be reachable).
     *
     * @param drawSeed the theory room session's seed (ignored for practical)
     */
    public static ExamAgent start(StationBundle bundle, Path dataDir, CivilRegistryReplica replica, int port,
                                  String drawSeed, Clock clock) throws BundleException, IOException {
        StationProfile profile = Bundles.examProfile(bundle);
        Outbox outbox = Outbox.open(dataDir, OutboxConfig.defaults());
        try {
            StationTopics topics = new StationTopics(bundle.centerId(), bundle.stationId());
            UplinkConfig config = UplinkConfig.of(bundle.mqtt().url(), topics, bundle.mqtt().password()).withTls(bundle.tls());
            MqttUplink uplink = new MqttUplink(config, outbox, new EnvelopeAckVerifier(bundle.hubKey()), payload -> { });
            ExamPublisher publisher = new OutboxExamPublisher(outbox, bundle.centerId(), bundle.stationId(),
                    bundle.signingKey(), uplink::wake);
            CandidateIdentifier identifier = new CandidateIdentifier(replica, publisher, clock);
            TerminalServer server;
            if (profile.station() == StationType.CALE_THEORY) {
                TheoryExamStation room = new TheoryExamStation(profile, QuestionBank.synthetic(), drawSeed, identifier, publisher, clock);
                server = new TerminalServer(port, Duration.ofMinutes(profile.theory().durationMinutes()), t -> room.sit(t, t));
            } else {
                PracticalExamStation station = new PracticalExamStation(profile, FaultCatalogue.builtIn(), identifier, publisher, clock);
                server = new TerminalServer(port, Duration.ofHours(4), t -> station.examine(t, t));
            }
            uplink.start();
            LOG.info("exam station {}/{} ({}) started: terminals on 127.0.0.1:{}, hub {}", bundle.centerId(),
                    bundle.stationId(), profile.ref(), server.port(), bundle.mqtt().url());
            return new ExamAgent(outbox, uplink, server, drawSeed);
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
        uplink.close();
        outbox.close();
    }
}
