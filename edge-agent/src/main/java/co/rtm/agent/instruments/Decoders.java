package co.rtm.agent.instruments;

import co.rtm.agent.instruments.lights.LightsDecoder;
import co.rtm.agent.instruments.sideslip.SideslipDecoder;
import co.rtm.agent.instruments.sound.SoundDecoder;
import co.rtm.agent.instruments.suspension.SuspensionDecoder;
import co.rtm.agent.instruments.tread.TreadDecoder;

/**
 * The registry of byte-stream decoders: a new, independent {@link FrameDecoder} per call (decoders keep state
 * between feeds, so never share one between streams), and the line speed each family's device talks at.
 */
public final class Decoders {

    private Decoders() {}

    /**
     * A fresh decoder for {@code kind}.
     *
     * @throws IllegalStateException for a kind whose decoder is not part of this build
     */
    public static FrameDecoder forKind(InstrumentKind kind) {
        return switch (kind) {
            case GPS -> new co.rtm.agent.instruments.gps.NmeaDecoder();
            case BRAKE -> new co.rtm.agent.instruments.brake.BrakeDecoder();
            case GAS -> new co.rtm.agent.instruments.gas.GasDecoder();
            case OPACITY -> new co.rtm.agent.instruments.opacity.OpacityDecoder();
            case LIGHTS -> new LightsDecoder();
            case SUSPENSION -> new SuspensionDecoder();
            case SIDESLIP -> new SideslipDecoder();
            case TREAD -> new TreadDecoder();
            case SOUND -> new SoundDecoder();
            case FINGERPRINT -> throw new IllegalStateException(
                    "instrument 'fingerprint' is not a byte stream: it has no frame decoder");
        };
    }

    /**
     * Bits per second of the family's serial line (8N1, so one byte takes 10 bit times). NMEA 0183 receivers
     * talk at 4800; the lane devices of {@code docs/instruments.md} at 9600.
     */
    public static int baud(InstrumentKind kind) {
        return kind == InstrumentKind.GPS ? 4800 : 9600;
    }
}
