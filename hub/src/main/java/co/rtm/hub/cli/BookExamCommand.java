package co.rtm.hub.cli;

import co.rtm.hub.exam.Booking;
import co.rtm.hub.exam.Bookings;
import co.rtm.hub.store.Database;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.person.DocumentId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "book-exam", mixinStandardHelpOptions = true,
        description = {"Book a CALE exam turn for a candidate. The exam message names it by --turn; an exam without a "
                + "matching booking is refused. Audited (EXAM_TURN_BOOKED)."})
final class BookExamCommand implements Callable<Integer> {
    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--center", required = true, paramLabel = "ID", description = "CALE id")
    String centerId;

    @Option(names = "--turn", required = true, paramLabel = "ID", description = "turn id, unique at the CALE")
    String turn;

    @Option(names = "--candidate", required = true, paramLabel = "TYPE-NUMBER", description = "e.g. CC-79123456")
    String candidate;

    @Option(names = "--category", required = true, paramLabel = "CAT", description = "licence category: ${COMPLETION-CANDIDATES}")
    LicenceCategory category;

    @Option(names = "--part", required = true, paramLabel = "PART", description = "${COMPLETION-CANDIDATES}")
    ExamPart part;

    @Option(names = "--procedure", defaultValue = "FIRST_ISSUE", paramLabel = "P", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Procedure procedure;

    @Option(names = "--free-retake", description = "booked as the candidate's one free retake")
    boolean freeRetake;

    @Option(names = "--starts-at", required = true, paramLabel = "TIME", description = "start with offset, e.g. 2026-11-20T08:00:00-05:00")
    OffsetDateTime startsAt;

    @Option(names = "--by", defaultValue = "cli", paramLabel = "NAME", description = "who books it, for the audit log")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DocumentId who = DocumentId.parse(candidate);
        Booking b;
        try (Database db = store.open()) {
            b = new Bookings(db, Clock.systemUTC()).book(centerId, turn, who, category, part, procedure, freeRetake,
                    startsAt.toInstant(), by);
        }
        spec.commandLine().getOut().println("booked turn " + b.turnId() + " at " + b.centerId() + ": " + b.candidate() + " "
                + b.part() + " " + b.category() + (b.freeRetake() ? " (free retake)" : "") + " at " + startsAt);
        return 0;
    }
}
