package co.rtm.hub.cli;

import co.rtm.hub.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the database of an existing hub data directory (or {@code --db}) for a command; never creates a hub. */
final class HubDatabase {
    private HubDatabase() {
    }

    static Database open(Path data, String jdbcUrl) {
        if (jdbcUrl != null) {
            return Database.open(jdbcUrl);
        }
        if (!Files.isRegularFile(data.resolve("hub.db"))) {
            throw new IllegalArgumentException("no hub database in " + data + " (run 'hub init --data " + data + "')");
        }
        return Database.openDefault(data);
    }
}
