package co.rtm.hub.broker;

import co.rtm.hub.home.SecretFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Writes the PKCS#12 keystore (server key and chain) and truststore (the station CA) HiveMQ's TLS
 * listener loads, each 0600 with a fresh random password, replacing those of an earlier start.
 */
final class BrokerKeyStores {
    static final String KEYSTORE = "tls-keystore.p12";
    static final String TRUSTSTORE = "tls-truststore.p12";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerKeyStores() {
    }

    static BrokerConfigFile.Tls write(Path configFolder, TlsListener tls) throws IOException {
        String keyPassword = randomPassword();
        String trustPassword = randomPassword();
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("broker", tls.serverKey(), keyPassword.toCharArray(),
                    tls.serverChain().toArray(X509Certificate[]::new));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("station-ca", tls.clientCa());
            Path keystore = configFolder.resolve(KEYSTORE);
            Path truststore = configFolder.resolve(TRUSTSTORE);
            replace(keystore, keys, keyPassword);
            replace(truststore, trust, trustPassword);
            return new BrokerConfigFile.Tls(tls.port(), keystore, keyPassword, truststore, trustPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the broker's TLS keystore: " + e.getMessage(), e);
        }
    }

    private static void replace(Path file, KeyStore store, String password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        Files.deleteIfExists(file);
        SecretFiles.writeNew(file, bytes.toByteArray());
    }

    private static String randomPassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
