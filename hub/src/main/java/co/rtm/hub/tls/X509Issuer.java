package co.rtm.hub.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the X.509 certificates of the broker's TLS: a self-signed CA, server certificates and
 * station client certificates. ECDSA P-256 with SHA-256 throughout: every TLS stack speaks it, unlike
 * Ed25519 certificates. Pure apart from the random numbers.
 */
public final class X509Issuer {
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Certificates start a little in the past so a station whose clock is slightly behind accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private X509Issuer() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no ECDSA P-256 in this JVM", e);
        }
    }

    /** A CA that may sign end-entity certificates only (path length 0). */
    public static X509Certificate selfSignedCa(KeyPair keys, String commonName, Instant now, Duration validity) {
        X500Name name = name(commonName);
        return build(name, keys.getPublic(), name, keys.getPrivate(), keys.getPublic(), now, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    /** A TLS server certificate for these host names and IP addresses (subject alternative names). */
    public static X509Certificate server(X509Certificate ca, PrivateKey caKey, PublicKey subjectKey,
                                         List<String> dnsNames, List<String> ipAddresses, Instant now, Duration validity) {
        String cn = !dnsNames.isEmpty() ? dnsNames.get(0) : ipAddresses.get(0);
        return build(name(cn), subjectKey, issuer(ca), caKey, ca.getPublicKey(), now, validity, builder -> {
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            endEntity(builder, KeyPurposeId.id_kp_serverAuth);
        });
    }

    /** A TLS client certificate whose common name is the station id. */
    public static X509Certificate client(X509Certificate ca, PrivateKey caKey, PublicKey subjectKey, String commonName,
                                         Instant now, Duration validity) {
        return build(name(commonName), subjectKey, issuer(ca), caKey, ca.getPublicKey(), now, validity,
                builder -> endEntity(builder, KeyPurposeId.id_kp_clientAuth));
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static void endEntity(X509v3CertificateBuilder builder, KeyPurposeId purpose) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
                                         PublicKey issuerPublicKey, Instant now, Duration validity, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublicKey));
            extensions.add(builder);
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot build certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X500Name issuer(X509Certificate ca) {
        return X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    }
}
