package co.rtm.hub.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's MQTT 5 broker: HiveMQ CE embedded, one TCP listener on 127.0.0.1 (and optionally a TLS
 * listener there too, where stations may authenticate with a client certificate), every client
 * authenticated by a {@link ClientAuthenticator} and confined to its own topics (DESIGN §3).
 *
 * <p>HiveMQ's own logging bootstrap is switched off, so the host application's logging
 * configuration stays in charge.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String BIND_ADDRESS = "127.0.0.1";
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final EmbeddedHiveMQ hiveMQ;
    private final BrokerExtension extension;
    private final int port;
    private final int tlsPort;
    private final Duration startupTime;

    private EmbeddedBroker(EmbeddedHiveMQ hiveMQ, BrokerExtension extension, int port, int tlsPort, Duration startupTime) {
        this.hiveMQ = hiveMQ;
        this.extension = extension;
        this.port = port;
        this.tlsPort = tlsPort;
        this.startupTime = startupTime;
    }

    /**
     * Starts the broker and waits until it accepts connections.
     *
     * @param workDir       holds {@code conf/}, {@code data/} (persistent sessions, queued messages)
     *                      and an empty {@code extensions/}; created if missing
     * @param port          TCP port on 127.0.0.1; 0 picks one that is free just before HiveMQ
     *                      binds it (another process could take it in between)
     * @throws IllegalStateException if the broker cannot start, e.g. the port is taken (HiveMQ
     *                               then stops itself rather than run without a listener)
     * @param authenticator decides who may connect and as which principal
     */
    public static EmbeddedBroker start(Path workDir, int port, ClientAuthenticator authenticator) {
        return start(workDir, port, null, authenticator);
    }

    /**
     * As {@link #start(Path, int, ClientAuthenticator)}, plus a TLS listener on the same address when
     * {@code tls} is not null: server certificate from {@code tls}, client certificates optional and,
     * when shown, checked against {@link TlsListener#clientCa()}. The keystore and truststore are
     * written to {@code conf/} (0600) with fresh random passwords on every start.
     */
    public static EmbeddedBroker start(Path workDir, int port, TlsListener tls, ClientAuthenticator authenticator) {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(authenticator, "authenticator");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        int actualPort = port == 0 ? freeLoopbackPort() : port;
        TlsListener actualTls = tls == null ? null : tls.withPort(tls.port() == 0 ? freeLoopbackPort() : tls.port());
        Path configFolder = workDir.resolve("conf");
        Path dataFolder = workDir.resolve("data");
        Path extensionsFolder = workDir.resolve("extensions");
        try {
            Files.createDirectories(configFolder);
            BrokerConfigFile.write(configFolder, BIND_ADDRESS, actualPort,
                    actualTls == null ? null : BrokerKeyStores.write(configFolder, actualTls));
            Files.createDirectories(dataFolder);
            Files.createDirectories(extensionsFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker folders under " + workDir, e);
        }

        BrokerExtension extension = new BrokerExtension(authenticator, actualTls == null ? null : actualTls.clientCa());
        EmbeddedHiveMQ hiveMQ = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(configFolder)
                .withDataFolder(dataFolder)
                .withExtensionsFolder(extensionsFolder)
                .withoutLoggingBootstrap()
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("rtm-broker-auth")
                        .withName("RTM station authentication and topic ACL")
                        .withVersion("1")
                        .withAuthor("rtm")
                        .withPriority(1000)
                        .withStartPriority(1000)
                        .withExtensionMain(extension)
                        .build())
                .build();

        long started = System.nanoTime();
        try {
            hiveMQ.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(hiveMQ);
            throw new IllegalStateException("interrupted while starting the broker", e);
        } catch (ExecutionException e) {
            closeQuietly(hiveMQ);
            throw new IllegalStateException("broker failed to start on " + BIND_ADDRESS + ":" + actualPort
                    + (actualTls == null ? "" : " (TLS " + actualTls.port() + ")"), e.getCause());
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        int tlsPort = actualTls == null ? -1 : actualTls.port();
        LOG.info("MQTT broker listening on {}:{}{}, started in {} ms", BIND_ADDRESS, actualPort,
                tlsPort < 0 ? "" : " and TLS " + tlsPort, startupTime.toMillis());
        return new EmbeddedBroker(hiveMQ, extension, actualPort, tlsPort, startupTime);
    }

    public int port() {
        return port;
    }

    /** The TLS listener's port, or -1 without one. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The URL of the TLS listener, e.g. {@code ssl://127.0.0.1:8883}, or null without one. */
    public String tlsUrl() {
        return tlsPort < 0 ? null : "ssl://" + BIND_ADDRESS + ":" + tlsPort;
    }

    /** The URL MQTT clients connect to, e.g. {@code tcp://127.0.0.1:1883}. */
    public String url() {
        return "tcp://" + BIND_ADDRESS + ":" + port;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Drops the live connection of a station at once (reason code NOT_AUTHORIZED); its will is
     * published. To revoke a station, first make the {@link ClientAuthenticator} refuse it, then
     * call this, so it cannot slip back in between.
     *
     * @return completes with true if the station was connected
     */
    public CompletableFuture<Boolean> disconnect(String stationId) {
        return extension.clients().disconnectClient(stationId, false, DisconnectReasonCode.NOT_AUTHORIZED, "revoked");
    }

    /**
     * Makes the hub in this process the receiver of what stations publish on their own result topics, without an
     * MQTT client in between (see {@link BrokerLink} for the contract); until then, and without a hub, everything is
     * routed to subscribers as usual. {@link BrokerLink#close} stops it; one hub at a time.
     */
    public BrokerLink attach(co.rtm.hub.transport.AsyncMessageHandler handler) {
        return extension.attach(handler);
    }

    /** Stops the broker; persistent sessions survive in the data folder. Idempotent. */
    public void stop() {
        try {
            hiveMQ.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("broker did not stop cleanly", e);
        } finally {
            closeQuietly(hiveMQ);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(EmbeddedHiveMQ hiveMQ) {
        try {
            hiveMQ.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("error while closing the broker", e.getCause());
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + BIND_ADDRESS, e);
        }
    }
}
