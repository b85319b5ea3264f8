package co.rtm.hub.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HiveMQ {@code config.xml}: one plain TCP listener, optionally one TLS listener (client
 * certificates optional: a station shows one or a password), nothing else, and no phoning home.
 * Written fresh on every start so a stale file from an earlier run cannot open other listeners.
 */
final class BrokerConfigFile {

    /** Unacknowledged QoS 1 publishes per client towards the broker (MQTT 5 Receive Maximum). */
    static final int RECEIVE_MAXIMUM = 200;

    private BrokerConfigFile() {
    }

    /** Where the TLS listener finds its key material; the passwords end up in the file (keep it 0600). */
    record Tls(int port, Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
    }

    static void write(Path configFolder, String bindAddress, int port) throws IOException {
        write(configFolder, bindAddress, port, null);
    }

    /** @param tls null for no TLS listener */
    static void write(Path configFolder, String bindAddress, int port, Tls tls) throws IOException {
        Files.createDirectories(configFolder);
        String tlsListener = tls == null ? "" : """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <truststore>
                                    <path>%s</path>
                                    <password>%s</password>
                                </truststore>
                                <protocols>
                                    <protocol>TLSv1.3</protocol>
                                    <protocol>TLSv1.2</protocol>
                                </protocols>
                                <client-authentication-mode>OPTIONAL</client-authentication-mode>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(tls.port(), bindAddress, tls.keystore().toAbsolutePath(), tls.keystorePassword(),
                tls.keystorePassword(), tls.truststore().toAbsolutePath(), tls.truststorePassword());
        String xml = """
                <?xml version="1.0"?>
                <hivemq xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="config.xsd">
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                %s    </listeners>
                    <mqtt>
                        <!-- Paho MQTT 5 (1.2.5) keeps outgoing topic aliases across reconnects (paho.mqtt.java#527);
                             after a broker restart the broker then disconnects the client with 0x94 forever.
                             With aliases off the CONNACK says 0 and Paho never uses them. -->
                        <topic-alias>
                            <enabled>false</enabled>
                        </topic-alias>
                        <!-- QoS 1 publishes a client may have unacknowledged towards the broker. HiveMQ's default
                             of 10 caps the hub's acks (and a lane's backlog drain) at 10 per round trip. -->
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <!-- Sessions and queued messages in memory, not in HiveMQ's own disk store: a station keeps
                         every result in its outbox until the hub's signed ack, so what the broker held when it died
                         is sent again; the disk store cost more CPU than verifying and storing the results. -->
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress, tlsListener, RECEIVE_MAXIMUM);
        Path file = configFolder.resolve("config.xml");
        Files.deleteIfExists(file);
        co.rtm.hub.home.SecretFiles.writeNew(file, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
