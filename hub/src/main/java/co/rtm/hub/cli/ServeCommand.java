package co.rtm.hub.cli;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the hub: embedded MQTT 5 broker on 127.0.0.1, ingestion and ledger, until SIGTERM or Ctrl-C.",
                "Prints one line 'hub ready mqtt=URL [mqttTls=URL] http=URL ...' on stdout once stations can connect; logs go to stderr.",
                "A data directory made before the hub had a broker CA gets one on the first serve."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory made by 'hub init'")
    Path data;

    @Option(names = "--mqtt-port", paramLabel = "PORT", defaultValue = "1883",
            description = "embedded broker port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int mqttPort;

    @Option(names = "--mqtt-tls-port", paramLabel = "N",
            description = "also open a TLS listener on 127.0.0.1 with the hub's broker CA (0 picks a free one); "
                    + "stations log in with their password or a client certificate. Default: no TLS listener")
    Integer mqttTlsPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "REST API port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one); see docs/api.md")
    int httpPort;

    @Option(names = "--coap-port", paramLabel = "PORT",
            description = "also accept sealed GPS trackers over CoAP/DTLS (pre-shared keys) on 127.0.0.1 "
                    + "(5684 is coaps' port; 0 picks a free one); see docs/tracks.md. Default: off")
    Integer coapPort;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "database (default: SQLite hub.db in the data directory), e.g. jdbc:postgresql://host/rtm?user=u")
    String jdbcUrl;

    @Option(names = "--broker", paramLabel = "URL",
            description = "use this external MQTT 5 broker instead of the embedded one (shared subscription $share/hub)")
    String broker;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = HubConfig.DEFAULT_INSTANCE_ID,
            description = "this hub's MQTT client id and user name (default ${DEFAULT-VALUE})")
    String instanceId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("--http-port out of range: " + httpPort);
        }
        HubConfig config = new HubConfig(data, mqttPort, jdbcUrl, broker, instanceId);
        if (mqttTlsPort != null) {
            if (broker != null) {
                throw new IllegalArgumentException("--mqtt-tls-port is for the embedded broker; not with --broker");
            }
            config = config.withMqttTlsPort(mqttTlsPort);
        }
        HubServer server = HubServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "hub-shutdown"));
        String http = startApi(server);
        String coap = coapPort == null ? null : startTrackers(server, coapPort);
        spec.commandLine().getOut().println("hub ready mqtt=" + server.mqttUrl()
                + (server.mqttTlsUrl() == null ? "" : " mqttTls=" + server.mqttTlsUrl()) + " http=" + http + (coap == null ? "" : " coap=" + coap) + " data=" + data.toAbsolutePath()
                + " startupMs=" + server.startupTime().toMillis());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private static String startTrackers(HubServer server, int port) {
        if (port < 0 || port > 65_535) {
            server.close();
            throw new IllegalArgumentException("--coap-port out of range: " + port);
        }
        try {
            return server.startTrackers(port).url();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private String startApi(HubServer server) {
        try {
            return server.startApi(httpPort).url();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
