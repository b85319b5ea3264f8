package co.rtm.sim.chaos;

import co.rtm.profiles.wire.StationBundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto's password and ACL files for a hub behind an external broker (docs/deploy.md): each hub instance may
 * read and write every station topic; each station may publish only under its own centre and station ids and read
 * only its own ack and config. Passwords come from the bundles (the only place they exist in clear) and are hashed
 * by {@code mosquitto_passwd -U}.
 */
public final class BrokerFiles {
    private BrokerFiles() {}

    /** The ACL text: pure, so it can be read and tested without a broker. */
    public static String acl(List<String> hubInstances, List<StationBundle> stations) {
        StringBuilder out = new StringBuilder("# generated: hub instances, then one block per station\n");
        for (String hub : hubInstances) {
            out.append("user ").append(hub).append('\n').append("topic readwrite runt/v1/#\n\n");
        }
        for (StationBundle s : stations) {
            String base = "runt/v1/" + s.centerId() + "/" + s.stationId() + "/";
            out.append("user ").append(s.mqtt().username()).append('\n');
            for (String t : List.of("inspection", "exam", "track", "event", "status")) {
                out.append("topic write ").append(base).append(t).append('\n');
            }
            out.append("topic read ").append(base).append("ack\n");
            out.append("topic read ").append(base).append("config\n\n");
        }
        return out.toString();
    }

    /** Writes {@code passwords} (user -> clear password) to {@code file} and hashes it in place with mosquitto_passwd. */
    public static void writePasswords(Path file, Map<String, String> passwords) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        passwords.forEach((user, password) -> {
            if (user.contains(":") || password.contains("\n")) {
                throw new IllegalArgumentException("user name or password not allowed in a mosquitto password file: " + user);
            }
            lines.add(user + ":" + password);
        });
        Files.write(file, lines);
        Path tool = Tools.find("mosquitto_passwd").orElseThrow(() -> new IllegalStateException("mosquitto_passwd not installed"));
        Process p = new ProcessBuilder(tool.toString(), "-U", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd -U failed: " + output.strip());
        }
    }
}
