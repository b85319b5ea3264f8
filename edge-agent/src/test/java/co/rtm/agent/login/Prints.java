package co.rtm.agent.login;

import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test fingerprints: the synthetic prints committed under {@code co/rtm/agent/instruments/fingerprint/} (made by
 * the simulator's generator; see the README there): person 1 as enrolled, person 1 placed again (shifted, rotated,
 * noisy: a genuine capture), person 2 (an impostor). Templates are extracted once per JVM.
 */
public final class Prints {
    public static final String PERSON1 = "person1.png";
    public static final String PERSON1_AGAIN = "person1-moved.png";
    public static final String PERSON2 = "person2.png";

    private static final Map<String, byte[]> TEMPLATES = new ConcurrentHashMap<>();

    private Prints() {
    }

    public static byte[] png(String name) {
        try (InputStream in = Prints.class.getResourceAsStream("/co/rtm/agent/instruments/fingerprint/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copy(String name, Path to) throws IOException {
        return Files.write(to, png(name));
    }

    public static byte[] template(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            Reading r = (Reading) new FingerprintExtractor().fromImage(png(n), 500, Instant.now());
            return ((Sample.FingerprintCapture) r.sample()).template();
        });
    }

    /** Ana enrolled with person 1's finger, Luis with person 2's. */
    public static InspectorsFile anaAndLuis() {
        return new InspectorsFile(null, List.of(
                new Inspector("CC-79123456", "Ana Pérez", List.of(template(PERSON1))),
                new Inspector("CC-80111222", "Luis Gómez", List.of(template(PERSON2)))));
    }

    /** Only Ana (person 1): person 2 is then an impostor. */
    public static InspectorsFile onlyAna() {
        return new InspectorsFile(null, List.of(new Inspector("CC-79123456", "Ana Pérez", List.of(template(PERSON1)))));
    }

    /** A blank light-gray image of a plausible size: no ridges, so no minutiae. */
    public static Path blank(Path to) throws IOException {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                img.getRaster().setSample(x, y, 0, 230);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Files.write(to, out.toByteArray());
    }
}
