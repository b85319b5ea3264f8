package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.TheoryBlueprint;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Draws a theory exam: per group, as many questions as the blueprint says, at random from the bank's pool for the
 * candidate's category (art. 3.7.3.1.3: random selection, 30 questions, 20/30/30/20 %), then an order "único e
 * irreplicable" within the room and session (seed line 2548).
 *
 * <p>Uniqueness is by construction, not by chance. The room session has one {@code drawSeed}; each candidate has a
 * seat/turn number {@code s} that is never reused in that session ({@link SessionDraws} enforces it). The shown order
 * is the drawn questions sorted by id, then permuted by the permutation of rank {@code (a*s + b) mod n!} (factorial
 * number system), where {@code a} (coprime to {@code n!}) and {@code b} come from the seed alone. That map is a
 * bijection on [0, n!), so two seats get two different permutations. Two candidates therefore differ either in the
 * set of questions (so the sequences differ) or, with the same set, in the permutation applied to the same sorted
 * list (so the sequences differ again). The question choice and option orders come from a SplitMix64 seeded with
 * SHA-256(seed, seat, category), so everything is reproducible from the message.
 */
public final class TheoryDrawer {
    private final TheoryBlueprint blueprint;
    private final QuestionBank bank;
    private final int total;
    private final BigInteger orders;

    public TheoryDrawer(TheoryBlueprint blueprint, QuestionBank bank) {
        this.blueprint = Objects.requireNonNull(blueprint, "blueprint");
        this.bank = Objects.requireNonNull(bank, "bank");
        bank.shortfall(blueprint).ifPresent(s -> {
            throw new IllegalArgumentException("bank " + bank.ref() + " is too small for the blueprint: " + s);
        });
        this.total = blueprint.totalQuestions();
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= total; i++) f = f.multiply(BigInteger.valueOf(i));
        this.orders = f;
    }

    public TheoryBlueprint blueprint() { return blueprint; }

    public QuestionBank bank() { return bank; }

    /** A draw seed is 32 to 128 hex digits (128 to 512 bits), lower case. */
    public static String requireSeed(String drawSeed) {
        if (drawSeed == null || !drawSeed.matches("[0-9a-f]{32,128}")) {
            throw new IllegalArgumentException("drawSeed must be 32-128 lower-case hex digits");
        }
        return drawSeed;
    }

    /** The draw for the candidate on {@code seat} (0, 1, 2, ... within the session) sitting {@code category}. */
    public TheoryDraw draw(String drawSeed, int seat, LicenceCategory category) {
        requireSeed(drawSeed);
        Objects.requireNonNull(category, "category");
        if (seat < 0 || BigInteger.valueOf(seat).compareTo(orders) >= 0) throw new IllegalArgumentException("seat must be in [0, " + orders + ")");
        SplitMix64 rng = new SplitMix64(seedFor(drawSeed, seat, category));
        List<Question> chosen = new ArrayList<>(total);
        for (QuestionGroup g : QuestionGroup.values()) {
            List<Question> pool = new ArrayList<>(bank.pool(category, g));
            int k = blueprint.questionsPerGroup().get(g.index());
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k of a uniform shuffle
                int j = i + rng.nextInt(pool.size() - i);
                Question t = pool.get(i);
                pool.set(i, pool.get(j));
                pool.set(j, t);
                chosen.add(pool.get(i));
            }
        }
        chosen.sort(Comparator.comparing(Question::id));
        int[] perm = permutation(drawSeed, seat);
        List<DrawnQuestion> shown = new ArrayList<>(total);
        for (int p : perm) {
            Question q = chosen.get(p);
            List<String> keys = new ArrayList<>(q.options().keySet());
            for (int i = keys.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                String t = keys.get(i);
                keys.set(i, keys.get(j));
                keys.set(j, t);
            }
            shown.add(new DrawnQuestion(q.id(), keys));
        }
        return new TheoryDraw(bank.ref(), drawSeed, seat, category, shown);
    }

    /** The seat's permutation of positions 0..n-1: unrank((a*seat + b) mod n!). */
    int[] permutation(String drawSeed, int seat) {
        byte[] h = sha256(("order|" + drawSeed).getBytes(StandardCharsets.US_ASCII));
        BigInteger a = new BigInteger(1, java.util.Arrays.copyOfRange(h, 0, 16)).mod(orders);
        BigInteger b = new BigInteger(1, java.util.Arrays.copyOfRange(h, 16, 32)).mod(orders);
        while (!a.gcd(orders).equals(BigInteger.ONE)) a = a.add(BigInteger.ONE).mod(orders);
        BigInteger rank = a.multiply(BigInteger.valueOf(seat)).add(b).mod(orders);
        List<Integer> left = new ArrayList<>(total);
        for (int i = 0; i < total; i++) left.add(i);
        int[] perm = new int[total];
        for (int i = 0; i < total; i++) {
            BigInteger[] qr = rank.divideAndRemainder(BigInteger.valueOf(total - i));
            perm[i] = left.remove(qr[1].intValue());
            rank = qr[0];
        }
        return perm;
    }

    private static long seedFor(String drawSeed, int seat, LicenceCategory category) {
        byte[] h = sha256(("draw|" + drawSeed + "|" + seat + "|" + category.name()).getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.wrap(h).getLong();
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh random draw seed (128 bits, hex) for a new room session. */
    public static String newSeed(java.security.SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
