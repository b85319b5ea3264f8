package co.rtm.hub.tls;

import co.rtm.hub.home.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hub's own certificate authority for the broker's TLS (DESIGN §3: the bundle carries the broker
 * CA). It lives in the hub home next to the hub key:
 * <pre>
 * broker-ca.pem          the CA certificate (public: stations trust it)
 * broker-ca-key.pem      the CA private key, PKCS#8, 0600
 * broker-server.pem      the broker's server certificate for localhost and 127.0.0.1, then the CA
 * broker-server-key.pem  its private key, 0600
 * </pre>
 * It signs the broker's server certificate and the stations' client certificates (CN = station id).
 * Files are created new, never overwritten; the key file is written first, the certificate last, so a
 * home with a CA certificate has its key.
 */
public final class BrokerCa {
    public static final String CA_CERT_FILE = "broker-ca.pem";
    public static final String CA_KEY_FILE = "broker-ca-key.pem";
    public static final String SERVER_CERT_FILE = "broker-server.pem";
    public static final String SERVER_KEY_FILE = "broker-server-key.pem";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** 825 days: the longest lifetime common TLS clients still accept for a leaf certificate. */
    static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    static final List<String> SERVER_DNS = List.of("localhost");
    static final List<String> SERVER_IPS = List.of("127.0.0.1");

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final IssuedCertificate server;
    private final Clock clock;

    private BrokerCa(X509Certificate certificate, PrivateKey key, IssuedCertificate server, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.server = server;
        this.clock = clock;
    }

    /** Whether {@code dir} holds a CA certificate. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(CA_CERT_FILE));
    }

    /**
     * Creates the CA and the broker's server certificate in {@code dir}; adds one line per file to
     * {@code created}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if a CA key is already there
     */
    public static BrokerCa create(Path dir, Clock clock, List<String> created) throws IOException {
        Instant now = clock.instant();
        KeyPair caKeys = X509Issuer.newKeyPair();
        X509Certificate ca = X509Issuer.selfSignedCa(caKeys, "RTM hub broker CA " + now.getEpochSecond(), now, CA_VALIDITY);
        KeyPair serverKeys = X509Issuer.newKeyPair();
        X509Certificate server = X509Issuer.server(ca, caKeys.getPrivate(), serverKeys.getPublic(), SERVER_DNS, SERVER_IPS,
                now, LEAF_VALIDITY);

        Path caKey = dir.resolve(CA_KEY_FILE);
        SecretFiles.writeNew(caKey, bytes(Pem.of(caKeys.getPrivate())));
        created.add(caKey.toAbsolutePath() + " (broker CA private key, ECDSA P-256, mode 0600)");
        Path serverKey = dir.resolve(SERVER_KEY_FILE);
        SecretFiles.writeNew(serverKey, bytes(Pem.of(serverKeys.getPrivate())));
        created.add(serverKey.toAbsolutePath() + " (broker TLS server key, mode 0600)");
        Path serverCert = dir.resolve(SERVER_CERT_FILE);
        Files.write(serverCert, bytes(Pem.of(server) + Pem.of(ca)));
        created.add(serverCert.toAbsolutePath() + " (broker TLS server certificate for " + String.join(", ", SERVER_DNS)
                + ", " + String.join(", ", SERVER_IPS) + ", until " + server.getNotAfter().toInstant() + ")");
        Path caCert = dir.resolve(CA_CERT_FILE);
        Files.write(caCert, bytes(Pem.of(ca)));
        created.add(caCert.toAbsolutePath() + " (broker CA certificate, until " + ca.getNotAfter().toInstant() + ")");
        return new BrokerCa(ca, caKeys.getPrivate(), new IssuedCertificate(server, serverKeys.getPrivate()), clock);
    }

    /**
     * Reads the CA of {@code dir}.
     *
     * @throws IllegalStateException if a file is missing or damaged
     */
    public static BrokerCa open(Path dir, Clock clock) throws IOException {
        try {
            X509Certificate ca = Pem.certificate(read(dir.resolve(CA_CERT_FILE)));
            PrivateKey key = Pem.privateKey(read(dir.resolve(CA_KEY_FILE)));
            X509Certificate server = Pem.certificate(read(dir.resolve(SERVER_CERT_FILE)));
            PrivateKey serverKey = Pem.privateKey(read(dir.resolve(SERVER_KEY_FILE)));
            return new BrokerCa(ca, key, new IssuedCertificate(server, serverKey), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the broker CA in " + dir + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Opens the CA of {@code dir}, creating it first if this home predates it. */
    public static BrokerCa openOrCreate(Path dir, Clock clock, List<String> created) throws IOException {
        return exists(dir) ? open(dir, clock) : create(dir, clock, created);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.of(certificate);
    }

    /** The broker's server certificate (localhost, 127.0.0.1) and key. */
    public IssuedCertificate server() {
        return server;
    }

    /** A new client certificate and key for a station: CN = the station id. */
    public IssuedCertificate issueClient(String stationId) {
        Objects.requireNonNull(stationId, "stationId");
        KeyPair keys = X509Issuer.newKeyPair();
        X509Certificate cert = X509Issuer.client(certificate, key, keys.getPublic(), stationId, clock.instant(), LEAF_VALIDITY);
        return new IssuedCertificate(cert, keys.getPrivate());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
