package co.rtm.hub.broker;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a TLS client certificate identifies a station: signed directly by the hub's broker CA,
 * valid now, an end-entity certificate usable for client authentication, with exactly one common
 * name. The TLS handshake already checked the chain against the truststore; this check does not rely
 * on it, so a listener misconfigured to trust more cannot let a foreign certificate name a station.
 * Pure: no I/O.
 */
final class ClientCertificates {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** What a certificate says about its holder. */
    sealed interface Identity {
        record Trusted(String commonName) implements Identity {
        }

        record Untrusted(String reason) implements Identity {
        }
    }

    private ClientCertificates() {
    }

    static Identity identify(X509Certificate certificate, X509Certificate ca, Instant now) {
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return new Identity.Untrusted("not signed by the hub's broker CA");
        }
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return new Identity.Untrusted("issuer is not the hub's broker CA");
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return new Identity.Untrusted("certificate expired at " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return new Identity.Untrusted("certificate not valid before " + certificate.getNotBefore().toInstant());
        }
        if (certificate.getBasicConstraints() != -1) {
            return new Identity.Untrusted("a CA certificate cannot authenticate a station");
        }
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH)) {
                return new Identity.Untrusted("certificate is not for TLS client authentication");
            }
        } catch (CertificateParsingException e) {
            return new Identity.Untrusted("unreadable extended key usage");
        }
        return commonName(certificate);
    }

    private static Identity commonName(X509Certificate certificate) {
        try {
            List<String> names = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue)
                    .map(String::valueOf)
                    .toList();
            if (names.size() != 1) {
                return new Identity.Untrusted("subject must have exactly one common name, has " + names.size());
            }
            return new Identity.Trusted(names.get(0));
        } catch (InvalidNameException e) {
            return new Identity.Untrusted("unreadable subject name");
        }
    }
}
