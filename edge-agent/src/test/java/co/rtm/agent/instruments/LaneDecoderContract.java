package co.rtm.agent.instruments;

import co.rtm.agent.instruments.frame.AsciiFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every lane decoder on the shared frame must do with its captured streams ({@code make_captures.py}):
 * the clean session, the faulty capture in its fixed order, any split of the bytes, and random garbage.
 */
public abstract class LaneDecoderContract {

    protected static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

    protected abstract FrameDecoder decoder();

    /** Folder of the captures under {@code co/rtm/agent/instruments/}. */
    protected abstract String family();

    /** The readings of {@code session.bin}, in order. */
    protected abstract List<Sample> sessionReadings();

    /** The three good readings of {@code faulty.bin}: the first, the one after the cut frame, the last. */
    protected abstract List<Sample> faultyReadings();

    /** One valid frame payload of the family, for the garbage test. */
    protected abstract List<String> validPayloads();

    protected byte[] capture(String name) {
        String path = "/co/rtm/agent/instruments/" + family() + "/" + name;
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<InstrumentEvent> decode(FrameDecoder d, byte[] bytes) {
        List<InstrumentEvent> out = new ArrayList<>();
        d.feed(bytes, 0, bytes.length, T, out::add);
        d.endOfStream(T, out::add);
        return out;
    }

    protected List<InstrumentEvent> decode(byte[] bytes) {
        return decode(decoder(), bytes);
    }

    protected List<InstrumentEvent> decodeByteByByte(byte[] bytes) {
        FrameDecoder d = decoder();
        List<InstrumentEvent> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            d.feed(bytes, i, 1, T, out::add);
        }
        d.endOfStream(T, out::add);
        return out;
    }

    protected static List<Sample> readings(List<InstrumentEvent> events) {
        return events.stream().filter(e -> e instanceof Reading).map(e -> ((Reading) e).sample()).toList();
    }

    protected static List<FaultKind> faults(List<InstrumentEvent> events) {
        return events.stream().filter(e -> e instanceof Fault).map(e -> ((Fault) e).kind()).toList();
    }

    @Test
    void theDecoderNamesItsFamily() {
        assertThat(decoder().kind().json()).isEqualTo(family());
        assertThat(Decoders.forKind(decoder().kind())).isInstanceOf(decoder().getClass());
    }

    @Test
    void aCleanSessionIsTheIdentityThenEveryReadingAndNoFault() {
        List<InstrumentEvent> events = decode(capture("session.bin"));
        assertThat(events.get(0)).isInstanceOfSatisfying(Identified.class, id -> {
            assertThat(id.identity().serial()).endsWith("00042");
            assertThat(id.identity().verifiedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(id.identity().verificationDue()).isEqualTo(LocalDate.of(2027, 2, 28));
        });
        assertThat(faults(events)).isEmpty();
        assertThat(readings(events)).containsExactlyElementsOf(sessionReadings());
    }

    @Test
    void theFaultyCaptureGivesEveryFaultInOrderAndOnlyTheGoodReadings() {
        List<InstrumentEvent> events = decode(capture("faulty.bin"));
        List<String> shape = events.stream().map(e -> e instanceof Fault f ? f.kind().name()
                : e instanceof Identified ? "ID" : "READING").toList();
        assertThat(shape).containsExactly("BAD_FRAME", "ID", "READING", "BAD_CHECKSUM", "DEVICE_ERROR", "OUT_OF_RANGE",
                "BAD_FRAME", "BAD_FRAME", "BAD_FRAME", "READING", "READING", "BAD_FRAME");
        assertThat(readings(events)).containsExactlyElementsOf(faultyReadings());
        assertThat(((Fault) events.get(0)).detail()).isEqualTo("14 bytes outside any frame");
        assertThat(((Fault) events.get(4)).detail()).isEqualTo("device error E12: sensor overload");
        assertThat(((Fault) events.get(7)).detail()).isEqualTo("unknown record 'ZZ'");
        assertThat(((Fault) events.get(8)).detail()).startsWith("frame cut short by a new frame");
        assertThat(((Fault) events.get(11)).detail()).startsWith("stream ended inside a frame");
    }

    @Test
    void feedingOneByteAtATimeGivesIdenticalEvents() {
        for (String name : List.of("session.bin", "faulty.bin")) {
            byte[] bytes = capture(name);
            assertThat(decodeByteByByte(bytes)).as(name).isEqualTo(decode(bytes));
        }
    }

    @Test
    void seededRandomGarbageNeverBecomesAReading() {
        for (long seed = 1; seed <= 20; seed++) {
            byte[] junk = new byte[20_000];
            new Random(seed).nextBytes(junk);
            List<InstrumentEvent> events = decode(junk);
            assertThat(readings(events)).as("seed %d", seed).isEmpty();
            assertThat(faults(events)).as("seed %d", seed).isNotEmpty();
        }
    }

    @Test
    void validFramesSurviveRandomGarbageAroundThem() {
        Random r = new Random(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Sample> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[r.nextInt(40)];
            r.nextBytes(junk);
            bytes.writeBytes(junk);
            String payload = validPayloads().get(i % validPayloads().size());
            bytes.writeBytes(AsciiFrames.encode(payload));
            expected.addAll(readings(decode(AsciiFrames.encode(payload))));
        }
        assertThat(readings(decode(bytes.toByteArray()))).containsExactlyElementsOf(expected);
    }

    @Test
    void aRecordWithTheWrongFieldCountIsABadFrameNotAReading() {
        String p = validPayloads().get(0);
        List<InstrumentEvent> events = decode(AsciiFrames.encode(p + ",1"));
        assertThat(faults(events)).containsExactly(FaultKind.BAD_FRAME);
        assertThat(readings(events)).isEmpty();
    }
}
