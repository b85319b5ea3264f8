package co.rtm.profiles.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Single-thread Ed25519 verification speed of this package against the JDK's SunEC, on the same
 * envelope in the same run. Not a JMH benchmark: a quick check on the target machine.
 *
 * <pre>java -cp ... co.rtm.profiles.wire.VerifySpeed [warmupSeconds=3]</pre>
 *
 * Each figure is the median of 5 one-second rounds after the warm-up.
 */
public final class VerifySpeed {

    private static final int ROUNDS = 5;

    private VerifySpeed() {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SigningKey key = Ed25519Keys.generate("lane-1#1");
        VerificationKey vk = key.verificationKey();
        byte[] wire = Envelope.sign(samplePayload(), "inspection", key);
        Envelope env = Envelope.parse(wire);
        byte[] input = env.signingInput();
        byte[] sig = env.signature();

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPublicKey(vk));
        BooleanSupplier jdkVerify = () -> {
            try {
                jdk.update(input);
                return jdk.verify(sig);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
        BooleanSupplier parseAndVerify = () -> {
            try {
                return Envelope.parse(wire).verify(vk);
            } catch (EnvelopeException e) {
                throw new IllegalStateException(e);
            }
        };

        System.out.printf("envelope %d bytes, signing input %d bytes, warm-up %d s each, median of %d x 1 s, 1 thread, %s %s%n",
                wire.length, input.length, warmupSeconds, ROUNDS, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        report("bouncycastle verify      ", () -> env.verify(vk), warmupSeconds);
        report("bouncycastle parse+verify", parseAndVerify, warmupSeconds);
        report("jdk SunEC verify         ", jdkVerify, warmupSeconds);
    }

    private static void report(String label, BooleanSupplier op, int warmupSeconds) {
        run(op, warmupSeconds * 1_000_000_000L);
        long[] perSecond = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            perSecond[i] = run(op, 1_000_000_000L);
        }
        long[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        System.out.printf("%s %,8d verifications/s  (rounds %s)%n", label, sorted[ROUNDS / 2], Arrays.toString(perSecond));
    }

    /** Operations per second over about {@code nanos}; every operation must succeed. */
    private static long run(BooleanSupplier op, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            if (!op.getAsBoolean()) {
                throw new IllegalStateException("verification failed");
            }
            count++;
            now = System.nanoTime();
        } while (now < end);
        return Math.round(count * 1e9 / (now - start));
    }

    private static PublicKey jdkPublicKey(VerificationKey vk) throws GeneralSecurityException {
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100"); // RFC 8410 SubjectPublicKeyInfo
        byte[] spki = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(vk.raw(), 0, spki, prefix.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /** About the size of an inspection result. */
    private static byte[] samplePayload() {
        StringBuilder sb = new StringBuilder("{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"centerId\":\"cda-0042\","
                + "\"stationId\":\"lane-1\",\"seq\":42,\"bootId\":\"b1\",\"createdAt\":\"2026-11-20T10:15:00-05:00\",\"readings\":[");
        for (int i = 0; i < 40; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"test\":\"brakes\",\"axle\":").append(i).append(",\"value\":1234.5}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
