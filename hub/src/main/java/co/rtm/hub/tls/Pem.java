package co.rtm.hub.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM text of certificates and PKCS#8 private keys, the form operators and other TLS stacks read. */
public final class Pem {
    private Pem() {
    }

    public static String of(X509Certificate certificate) {
        return write(certificate);
    }

    public static String of(PrivateKey key) {
        try {
            return write(new PemObject("PRIVATE KEY", key.getEncoded()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot encode private key", e);
        }
    }

    /** Every certificate in the text, in order. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(holder.getEncoded())));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
        return certificates;
    }

    public static X509Certificate certificate(String pem) {
        List<X509Certificate> all = certificates(pem);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no certificate in the PEM text");
        }
        return all.get(0);
    }

    /** The first PKCS#8 private key in the text. */
    public static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no PKCS#8 private key in the PEM text");
    }

    private static String write(Object o) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
