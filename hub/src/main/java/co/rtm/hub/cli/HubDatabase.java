package co.rtm.hub.cli;

import co.rtm.hub.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data} and {@code --db} options of every command that works on an existing hub (a picocli mixin), and
 * opening that hub's database: never creates a hub.
 */
final class HubDatabase {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory made by 'hub init'")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database, if serve uses --db (default: hub.db in the data directory)")
    String jdbcUrl;

    /** The database of {@code --data} (or {@code --db}). */
    Database open() {
        if (jdbcUrl != null) {
            return Database.open(jdbcUrl);
        }
        if (!Files.isRegularFile(data.resolve("hub.db"))) {
            throw new IllegalArgumentException("no hub database in " + data + " (run 'hub init --data " + data + "')");
        }
        return Database.openDefault(data);
    }
}
