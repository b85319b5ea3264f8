package co.rtm.hub.broker;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The broker's TLS listener: its port on the bind address (0 = a free one), the server's key and
 * certificate chain (leaf first), and the CA whose client certificates authenticate stations.
 */
public record TlsListener(int port, PrivateKey serverKey, List<X509Certificate> serverChain, X509Certificate clientCa) {
    public TlsListener {
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(clientCa, "clientCa");
        serverChain = List.copyOf(serverChain);
        if (serverChain.isEmpty()) {
            throw new IllegalArgumentException("serverChain is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port out of range: " + port);
        }
    }

    TlsListener withPort(int actualPort) {
        return new TlsListener(actualPort, serverKey, serverChain, clientCa);
    }
}
