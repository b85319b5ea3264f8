package co.rtm.hub.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) from Bouncy Castle for supervisors' passwords, stored in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded base64), so each hash carries its
 * own salt and parameters and the defaults can be raised later without invalidating stored hashes.
 */
public final class Argon2Hasher {
    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Params DEFAULT = new Params(19 * 1024, 2, 1);
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Memory in KiB, passes over memory, parallel lanes. */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        public Params {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("bad Argon2 parameters m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism);
            }
        }
    }

    private final Params params;
    private final SecureRandom random = new SecureRandom();
    private final String dummy;

    public Argon2Hasher(Params params) {
        this.params = params;
        this.dummy = hash("not a password");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time comparison of the derived hash; false for a malformed stored hash. */
    public boolean matches(String password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        try {
            Params p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = B64D.decode(m.group(4));
            byte[] expected = B64D.decode(m.group(5));
            return MessageDigest.isEqual(expected, derive(password, salt, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of a real check, so an unknown user name answers as slowly as a wrong password. */
    public void burn(String password) {
        matches(password, dummy);
    }

    private static byte[] derive(String password, byte[] salt, Params p, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
