package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.FingerprintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileDropFingerprintReaderTest {

    @TempDir
    Path dir;

    @Test
    void eachDroppedPngIsOneCaptureTakenOnceAndMovedToDoneOrBad() throws Exception {
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (FileDropFingerprintReader reader = new FileDropFingerprintReader(dir, 500, new FingerprintExtractor(),
                Duration.ofMillis(50), null, Clock.systemUTC())) {
            reader.start(events::add);
            Files.write(dir.resolve("capture-001.png"), Fpr1.image("person1.png"));
            Files.writeString(dir.resolve("capture-002.png"), "not an image");
            Files.writeString(dir.resolve("notes.txt"), "ignored");

            await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= 2);
            Thread.sleep(300); // several more polls: nothing is read twice
        }

        assertThat(events).hasSize(2);
        assertThat(events).filteredOn(Reading.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((FingerprintCapture) ((Reading) e).sample()).dpi()).isEqualTo(500));
        assertThat(events).filteredOn(Fault.class::isInstance).singleElement().satisfies(e -> {
            assertThat(((Fault) e).kind()).isEqualTo(FaultKind.BAD_FRAME);
            assertThat(((Fault) e).detail()).startsWith("capture-002.png: unreadable");
        });
        assertThat(dir.resolve("done/capture-001.png")).exists();
        assertThat(dir.resolve("bad/capture-002.png")).exists();
        assertThat(Files.readString(dir.resolve("bad/capture-002.png.txt"))).contains("unreadable");
        assertThat(dir.resolve("capture-001.png")).doesNotExist();
        assertThat(dir.resolve("notes.txt")).exists();
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItHoldsStill() throws IOException {
        FileDropFingerprintReader reader = new FileDropFingerprintReader(dir, 500, new FingerprintExtractor(),
                Duration.ofMillis(50), null, Clock.systemUTC());
        byte[] png = Fpr1.image("person1.png");
        List<InstrumentEvent> events = new ArrayList<>();
        Path file = dir.resolve("slow.png");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(png, 0, 1000);
            out.flush();
            reader.pollOnce(events::add);
            out.write(png, 1000, 20000);
            out.flush();
            reader.pollOnce(events::add); // size changed since the last poll: not yet
            assertThat(events).isEmpty();
            out.write(png, 21000, png.length - 21000);
        }
        reader.pollOnce(events::add);
        assertThat(events).isEmpty();
        reader.pollOnce(events::add);
        assertThat(events).singleElement().isInstanceOf(Reading.class);
        // same name again: kept apart in done/
        Files.write(file, png);
        reader.pollOnce(events::add);
        reader.pollOnce(events::add);
        assertThat(dir.resolve("done/slow.png")).exists();
        assertThat(dir.resolve("done/slow-1.png")).exists();
    }

    @Test
    void aMissingDirectoryIsOneDisconnectedFault() {
        List<InstrumentEvent> events = new CopyOnWriteArrayList<>();
        try (FileDropFingerprintReader reader = new FileDropFingerprintReader(dir.resolve("nowhere"), 500,
                new FingerprintExtractor(), Duration.ofMillis(20), null, Clock.systemUTC())) {
            reader.start(events::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.DISCONNECTED));
    }
}
