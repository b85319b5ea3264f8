package co.rtm.hub.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate with its private key, as issued by the {@link BrokerCa}. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public String certificatePem() {
        return Pem.of(certificate);
    }

    public String privateKeyPem() {
        return Pem.of(privateKey);
    }
}
