package co.rtm.sim.instruments.fingerprint;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints.Placement;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A fingerprint sensor behind a TCP device server, speaking FPR1 (the agent's
 * {@code co.rtm.agent.instruments.fingerprint} package documents the frames): its identity first on every
 * connection, one capture frame per {@link #present(long) finger placed} (a synthetic print of that person,
 * placed a little differently each time, 500 dpi), a heartbeat after 5 s of silence. Faults:
 * {@link #corruptNextCapture()} (one flipped payload bit, so a CRC mismatch) and {@link #reportError(String)}.
 * {@link #present}, {@link #corruptNextCapture} and {@link #reportError} may be called from any thread.
 */
public final class SimulatedFingerprintDevice implements SimulatedDevice {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final String identity;
    private final Queue<byte[]> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean corruptNext = new AtomicBoolean();
    private final AtomicLong captures = new AtomicLong();
    private final long seed;
    private volatile boolean identify = true;
    private Instant lastSent;

    /** @param identity {@code vendor;model;serial;firmware;verifiedOn;verificationDue} */
    public SimulatedFingerprintDevice(String identity, long seed) {
        this.identity = identity;
        this.seed = seed;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.FINGERPRINT;
    }

    /** The transport accepted a new connection: the identity goes out again first. */
    public void connected() {
        identify = true;
    }

    /** {@code personId} places a finger on the sensor. */
    public void present(long personId) {
        byte[] png = SyntheticFingerprints.png(personId, Placement.random(seed ^ captures.incrementAndGet() * 7919));
        byte[] frame = frame('C', ByteBuffer.allocate(2 + png.length).putShort((short) 500).put(png).array());
        if (corruptNext.getAndSet(false)) {
            frame[9 + 2 + png.length / 2] ^= 0x10;
        }
        outbox.add(frame);
    }

    public void corruptNextCapture() {
        corruptNext.set(true);
    }

    public void reportError(String message) {
        outbox.add(frame('E', message.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] tick(Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (identify) {
            identify = false;
            out.writeBytes(frame('I', identity.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] f; (f = outbox.poll()) != null; ) {
            out.writeBytes(f);
        }
        if (out.size() == 0 && (lastSent == null || !now.isBefore(lastSent.plus(HEARTBEAT)))) {
            out.writeBytes(frame('H', new byte[0]));
        }
        if (out.size() > 0) {
            lastSent = now;
        }
        return out.toByteArray();
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        return new byte[0]; // FPR1 devices only talk
    }

    /** magic, type, 4-byte length, payload, CRC-32 of type + length + payload; all big-endian. */
    static byte[] frame(char type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(13 + payload.length);
        b.put(new byte[] {'F', 'P', 'R', '1'}).put((byte) type).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 5 + payload.length);
        return b.putInt((int) crc.getValue()).array();
    }
}
