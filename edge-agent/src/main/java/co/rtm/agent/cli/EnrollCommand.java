package co.rtm.agent.cli;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.login.InspectorsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code enroll --inspectors FILE --document CC-... --name "..." --image PNG...}: extracts a SourceAFIS template
 * from each image (the extractor's quality gates: a readable image, 250-1500 dpi, 8-60 mm a side, at least 12
 * minutiae) and adds the inspector to the lane's inspectors file, or renames an enrolled one and adds the new
 * templates to theirs. The file is created when missing. Any image that fails: one line, exit 2, file untouched.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enrol an inspector's fingerprints in the lane's inspectors file.")
public final class EnrollCommand implements Callable<Integer> {

    @Option(names = "--inspectors", required = true, paramLabel = "FILE", description = "Inspectors file (JSON); created when missing.")
    Path file;

    @Option(names = "--document", required = true, paramLabel = "CC-NUMBER",
            description = "Identity document as registered at the hub: CC-79123456 or CE-E123456.")
    String document;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The inspector's name.")
    String name;

    @Option(names = "--image", required = true, arity = "1..*", paramLabel = "PNG",
            description = "Fingerprint image(s) (PNG, BMP or JPEG), one per capture or finger.")
    List<Path> images;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "500",
            description = "Resolution the images were scanned at (default: ${DEFAULT-VALUE}).")
    double dpi;

    private final PrintStream out;
    private final PrintStream err;

    public EnrollCommand() {
        this(System.out, System.err);
    }

    EnrollCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            String doc = InspectorsFile.canonicalDocument(document);
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name: empty");
            }
            InspectorsFile current = InspectorsFile.readOrEmpty(file);
            FingerprintExtractor extractor = new FingerprintExtractor();
            List<byte[]> templates = new ArrayList<>();
            for (Path image : images) {
                templates.add(template(extractor, image));
            }
            InspectorsFile next = current.enrol(doc, name, templates);
            next.write(file);
            int total = next.find(doc).map(i -> i.templates().size()).orElse(templates.size());
            out.println((current.find(doc).isPresent() ? "updated " : "enrolled ") + doc + " \"" + name.strip()
                    + "\": " + total + " template(s) in " + file);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("enroll: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("enroll: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private byte[] template(FingerprintExtractor extractor, Path image) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(image + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(image + ": " + e.getMessage());
        }
        InstrumentEvent event = extractor.fromImage(bytes, dpi, Instant.now());
        if (event instanceof Reading r && r.sample() instanceof Sample.FingerprintCapture c) {
            return c.template();
        }
        String why = event instanceof Fault f ? f.detail() : "no fingerprint";
        throw new IllegalArgumentException(image + ": " + why + "; capture the finger again");
    }
}
