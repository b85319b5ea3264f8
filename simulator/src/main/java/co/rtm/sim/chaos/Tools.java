package co.rtm.sim.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds external programs (mosquitto, mosquitto_passwd) the way a shell would, plus the usual sbin folders. */
final class Tools {
    private Tools() {}

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : (path + ":/usr/sbin:/usr/local/sbin:/usr/bin:/opt/homebrew/sbin:/opt/homebrew/bin").split(":")) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
