package co.rtm.profiles.wire;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS sockets for a station's broker connection, from the PEM text of its bundle: trusts only the
 * hub's broker CA (not the JVM's public CAs), and presents the station's client certificate when it has
 * one. Host name verification is the MQTT client's job (Paho: {@code httpsHostnameVerificationEnabled}).
 */
public final class TlsSockets {
    private static final char[] IN_MEMORY = new char[0];

    private TlsSockets() {
    }

    /**
     * @param caPem         the CA certificate(s) to trust, PEM
     * @param clientCertPem the client certificate (chain), PEM, or null for none
     * @param clientKeyPem  its PKCS#8 private key (EC or RSA), PEM, or null
     * @throws IllegalArgumentException if the PEM text is not what it should be
     */
    public static SSLSocketFactory factory(String caPem, String clientCertPem, String clientKeyPem) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate ca : certificates(caPem)) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no CA certificate in the bundle's tls.caCertificate");
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);

            KeyManagerFactory keyManagers = null;
            if (clientCertPem != null) {
                List<X509Certificate> chain = certificates(clientCertPem);
                if (chain.isEmpty()) {
                    throw new IllegalArgumentException("no certificate in the bundle's tls.clientCertificate");
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("station", privateKey(clientKeyPem, chain.get(0)), IN_MEMORY,
                        chain.toArray(Certificate[]::new));
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, IN_MEMORY);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("unusable TLS material: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : all) {
            certificates.add((X509Certificate) c);
        }
        return certificates;
    }

    static PrivateKey privateKey(String pem, X509Certificate certificate) throws GeneralSecurityException {
        if (pem == null) {
            throw new IllegalArgumentException("a client certificate needs its private key");
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the client key is not a PEM PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        String algorithm = certificate.getPublicKey().getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
