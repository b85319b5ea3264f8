package co.rtm.sim.instruments.lights;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrameReader;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;

/**
 * Base of the simulated lane devices on the shared ASCII frame: identity ({@code ID}, answered to {@code ?ID}
 * and sent first when streaming), error frames, values with the {@link Playback}'s noise and faults, and a
 * queue of records streamed one per interval. A subclass turns its true values into records; a polled device
 * answers commands in {@link #answer} instead of queueing.
 */
public abstract class LaneFrameDevice implements SimulatedDevice {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final InstrumentKind kind;
    private final String vendor;
    private final String model;
    private final String serial;
    protected final Playback playback;
    private final Random random;
    private final Map<Integer, Double> firstValue = new HashMap<>();
    private final AsciiFrameReader commands = new AsciiFrameReader();
    private final Queue<String> streamed = new ArrayDeque<>();
    private int readingsSent;
    private int recordsMade;
    private boolean errorSent;
    private Instant next;
    private boolean streamedAny;

    protected LaneFrameDevice(InstrumentKind kind, String vendor, String model, String serial, Playback playback) {
        this.kind = kind;
        this.vendor = vendor;
        this.model = model;
        this.serial = serial;
        this.playback = playback;
        this.random = new Random(playback.seed());
    }

    @Override
    public final InstrumentKind kind() { return kind; }

    /** Queue record payloads to stream, one per interval after the ID record. */
    protected final void stream(List<String> payloads) {
        streamed.addAll(payloads);
    }

    /** A record payload from its fields joined by commas; counts the records made (for drift). */
    protected final String record(Object... fields) {
        recordsMade++;
        StringBuilder sb = new StringBuilder();
        for (Object f : fields) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f);
        }
        return sb.toString();
    }

    /** The answer to a command other than {@code ?ID}, as a payload; null for an unknown command. */
    protected String answer(String command) {
        return null;
    }

    /**
     * A value as the device reads it: {@code truth} with noise and the playback's value fault, clamped to
     * {@code [min, max]}, formatted with {@code decimals}. {@code field} numbers what the value is (the first
     * intensity, the inclination..) so that a stuck device repeats per field.
     */
    protected final String value(int field, double truth, double min, double max, int decimals) {
        double v = truth + (playback.noise() == 0 ? 0 : random.nextGaussian() * playback.noise());
        if (playback.fault() == Playback.ValueFault.DRIFT) {
            v += playback.driftPerReading() * recordsMade;
        }
        if (playback.fault() == Playback.ValueFault.STUCK) {
            double read = v;
            v = firstValue.computeIfAbsent(field, k -> read);
        }
        v = Math.max(min, Math.min(max, v));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public final byte[] tick(Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (next == null) {
            next = now.plus(playback.interval());
            if (!streamed.isEmpty()) {
                streamedAny = true;
                out.writeBytes(identity(now));
            }
            return out.toByteArray();
        }
        while (!streamed.isEmpty() && !now.isBefore(next)) {
            out.writeBytes(reading(streamed.poll()));
            next = next.plus(playback.interval());
        }
        return out.toByteArray();
    }

    /** A streamed device is finished once its identity and every queued record are sent; a polled one never. */
    @Override
    public final boolean finished() {
        return next != null && streamed.isEmpty() && streamedAny;
    }

    @Override
    public final byte[] onCommand(byte[] command, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        commands.feed(command, 0, command.length, now, new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) {
                if (payload.equals("?ID")) {
                    out.writeBytes(identity(at));
                    return;
                }
                String answer = answer(payload);
                out.writeBytes(answer == null ? AsciiFrames.encode("ER", "01", "unknown command " + payload.replace(',', ' '))
                        : reading(answer));
            }

            @Override
            public void fault(Fault fault) {
                out.writeBytes(AsciiFrames.encode("ER", "02", "bad command frame"));
            }
        });
        return out.toByteArray();
    }

    private byte[] reading(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (playback.fault() == Playback.ValueFault.ERROR_FRAME && readingsSent == 1 && !errorSent) {
            errorSent = true;
            out.writeBytes(AsciiFrames.encode("ER", "E12", "sensor overload"));
        }
        readingsSent++;
        out.writeBytes(AsciiFrames.encode(payload));
        return out.toByteArray();
    }

    private byte[] identity(Instant now) {
        LocalDate today = now.atZone(LANE_ZONE).toLocalDate();
        boolean expired = playback.fault() == Playback.ValueFault.EXPIRED_CALIBRATION;
        LocalDate verified = expired ? today.minusDays(400) : today.minusDays(100);
        LocalDate due = expired ? today.minusDays(35) : today.plusDays(265);
        return AsciiFrames.encode("ID", vendor, model, serial, "1.4.2", verified, due);
    }
}
