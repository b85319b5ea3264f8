package co.rtm.agent.instruments.link;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A socat pty pair for tests: two linked ptys whose bytes cross over. Skips the calling test when socat is not
 * installed, unless the CI variable is 'true': then its absence fails the test.
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    public final Path a;
    public final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        Path socat = Path.of("/usr/bin/socat");
        if (!Files.isExecutable(socat)) {
            String msg = "socat is not installed (/usr/bin/socat): the pty tests need it (apt-get install socat)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        Files.createDirectories(dir);
        Path a = dir.resolve("ptyA").toAbsolutePath();
        Path b = dir.resolve("ptyB").toAbsolutePath();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        Process p = new ProcessBuilder(socat.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroyForcibly();
                Assertions.fail("socat did not create the pty pair; see " + dir.resolve("socat.log"));
            }
            Thread.sleep(20);
        }
        return new SocatPair(p, a, b);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(300, TimeUnit.MILLISECONDS)) {     // socat may wait for unread output to drain
            process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
    }
}
