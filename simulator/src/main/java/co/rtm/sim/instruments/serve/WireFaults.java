package co.rtm.sim.instruments.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Faults of the wire, applied by any device server to the bytes it sends: random garbage bytes inserted, frames
 * cut short, and disconnections (a TCP client closed, CoAP observers dropped, a serial line gone quiet) lasting a
 * while. Random choices come from one seeded {@link Random}, so a seed replays the same faults for the same
 * byte stream. Configure before the server starts; {@link #disconnectNow} may be called from any thread.
 */
public final class WireFaults {

    /** How many faults were applied so far. */
    public record Counts(int garbage, int truncated, int disconnects) {}

    private final Random random;
    private double garbageChance;
    private int garbageMax = 1;
    private double truncateChance;
    private double disconnectChance;
    private Duration disconnectFor = Duration.ZERO;
    private Duration requestedDown;
    private Instant downUntil = Instant.MIN;
    private int garbage;
    private int truncated;
    private int disconnects;

    private WireFaults(long seed) {
        this.random = new Random(seed);
    }

    /** A clean wire. */
    public static WireFaults none() {
        return new WireFaults(0);
    }

    /** No faults yet; add them with the methods below. */
    public static WireFaults seeded(long seed) {
        return new WireFaults(seed);
    }

    /** With probability {@code chance} per chunk sent, insert 1..{@code maxBytes} random bytes at a random place. */
    public synchronized WireFaults garbage(double chance, int maxBytes) {
        this.garbageChance = probability(chance);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        this.garbageMax = maxBytes;
        return this;
    }

    /** With probability {@code chance} per chunk of two bytes or more, send only a random prefix of it. */
    public synchronized WireFaults truncate(double chance) {
        this.truncateChance = probability(chance);
        return this;
    }

    /** With probability {@code chance} per tick, disconnect for {@code downFor}. */
    public synchronized WireFaults disconnects(double chance, Duration downFor) {
        this.disconnectChance = probability(chance);
        this.disconnectFor = Objects.requireNonNull(downFor, "downFor");
        return this;
    }

    /** Disconnect at the server's next tick, for {@code downFor}. */
    public synchronized void disconnectNow(Duration downFor) {
        this.requestedDown = Objects.requireNonNull(downFor, "downFor");
    }

    /** The bytes as the wire delivers them: possibly with garbage inserted, possibly cut short. */
    public synchronized byte[] apply(byte[] chunk) {
        if (chunk.length == 0) {
            return chunk;
        }
        byte[] out = chunk;
        if (truncateChance > 0 && out.length >= 2 && random.nextDouble() < truncateChance) {
            out = Arrays.copyOf(out, 1 + random.nextInt(out.length - 1));
            truncated++;
        }
        if (garbageChance > 0 && random.nextDouble() < garbageChance) {
            byte[] junk = new byte[1 + random.nextInt(garbageMax)];
            random.nextBytes(junk);
            int at = random.nextInt(out.length + 1);
            byte[] mixed = new byte[out.length + junk.length];
            System.arraycopy(out, 0, mixed, 0, at);
            System.arraycopy(junk, 0, mixed, at, junk.length);
            System.arraycopy(out, at, mixed, at + junk.length, out.length - at);
            out = mixed;
            garbage++;
        }
        return out;
    }

    /**
     * Called by the server once per tick: true when a disconnection starts now (requested or drawn at random);
     * the server then drops its client and stays {@link #down} until it ends.
     */
    public synchronized boolean disconnectDue(Instant now) {
        Duration length = null;
        if (requestedDown != null) {
            length = requestedDown;
            requestedDown = null;
        } else if (disconnectChance > 0 && !down(now) && random.nextDouble() < disconnectChance) {
            length = disconnectFor;
        }
        if (length == null) {
            return false;
        }
        downUntil = now.plus(length);
        disconnects++;
        return true;
    }

    /** Whether a disconnection is under way at {@code now}: no client is served, nothing is sent. */
    public synchronized boolean down(Instant now) {
        return now.isBefore(downUntil);
    }

    public synchronized Counts counts() {
        return new Counts(garbage, truncated, disconnects);
    }

    private static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability is within 0..1, was " + p);
        }
        return p;
    }
}
