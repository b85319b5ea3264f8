package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schedule-stay", mixinStandardHelpOptions = true,
        description = {"Schedule a mobile line's stay in a municipality (DANE code) from one Bogotá date to another, "
                + "both inclusive (art. 3.3.1.6 m). Refused: shorter than one month (art. 3.3.3.9), overlapping another "
                + "stay of the line, an unknown code, a fixed CDA within 50 km (art. 3.3.1.6 a). See docs/mobile-lines.md.",
                "--list prints the line's stays; --remove ID removes one. Exit 0 ok, 2 refused or bad input."})
final class ScheduleStayCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--line", required = true, paramLabel = "CENTRE_ID", description = "the mobile line (centre of kind MOBILE)")
    String line;

    @Option(names = "--municipality", paramLabel = "DANE_CODE", description = "five-digit DANE code, e.g. 91001")
    String municipality;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day of the stay")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of the stay")
    String to;

    @Option(names = "--list", description = "print the line's stays instead")
    boolean list;

    @Option(names = "--remove", paramLabel = "STAY_ID", description = "remove this stay of the line instead")
    Long remove;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list && remove != null) {
            throw new IllegalArgumentException("give --list or --remove, not both");
        }
        LocalDate first = null;
        LocalDate last = null;
        if (!list && remove == null) {
            if (municipality == null || from == null || to == null) {
                throw new IllegalArgumentException("--municipality, --from and --to are required to schedule a stay");
            }
            first = date("--from", from);
            last = date("--to", to);
        }
        try (Database db = store.open()) {
            Schedules schedules = new Schedules(db, Clock.systemUTC(), Municipalities.colombia());
            if (list) {
                for (Stay s : schedules.list(line)) {
                    out.println(s.id() + " " + s.municipalityCode() + " " + s.from() + " " + s.to()
                            + (s.leaveBy() == null ? "" : " leave-by " + s.leaveBy()));
                }
            } else if (remove != null) {
                schedules.remove(line, remove, Actors.cli());
                out.println("line " + line + ": stay " + remove + " removed");
            } else {
                Stay s = schedules.add(line, municipality.trim(), first, last, Actors.cli());
                out.println("line " + line + ": stay " + s.id() + " in " + s.municipalityCode() + " from " + s.from()
                        + " to " + s.to());
            }
        }
        out.flush();
        return 0;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date like 2026-11-01");
        }
    }
}
