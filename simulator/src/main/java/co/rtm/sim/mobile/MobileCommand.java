package co.rtm.sim.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.MonthlyReport;
import co.rtm.hub.registry.OpeningHours;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mobile}: a mobile line travelling for weeks between real municipalities of Amazonas, Vaupés, Guainía and
 * Vichada, hub and line on one compressed clock (docs/mobile-lines.md, "The simulator"). Progress on stderr, a
 * one-line JSON summary on stdout; exit 0 when every outcome matched the plan and the ledger verifies, 1 otherwise,
 * 2 on bad input.
 */
@Command(name = "mobile", mixinStandardHelpOptions = true,
        description = "A mobile line for weeks through Amazonas, Vaupés, Guainía and Vichada, on a compressed clock shared"
                + " with an in-process hub; planned rule breaks; JSON summary at the end.")
public final class MobileCommand implements Callable<Integer> {
    static final int MAX_WEEKS = 20;

    @Option(names = "--weeks", defaultValue = "12", description = "Simulated weeks, 1-" + MAX_WEEKS + " (default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the plan and the vehicles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day-millis", defaultValue = "250", description = "Real milliseconds a simulated day takes at least (default ${DEFAULT-VALUE}); 0: as fast as the round trips allow.")
    long dayMillis;

    @Option(names = "--start", description = "First simulated day, a Monday (default: the first Monday a week or more from today).")
    LocalDate start;

    @Option(names = "--data", description = "Directory for the hub and the station; must not exist or be empty (default: ./mobile-data-<time>).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (weeks < 1 || weeks > MAX_WEEKS) {
            err.println("mobile: --weeks must be between 1 and " + MAX_WEEKS + ": " + weeks);
            return 2;
        }
        if (dayMillis < 0 || dayMillis > 60_000) {
            err.println("mobile: --day-millis must be between 0 and 60000: " + dayMillis);
            return 2;
        }
        if (start != null && start.getDayOfWeek() != DayOfWeek.MONDAY) {
            err.println("mobile: --start must be a Monday: " + start + " is a " + start.getDayOfWeek().toString().toLowerCase(Locale.ROOT));
            return 2;
        }
        Path dir = data != null ? data : Path.of("mobile-data-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            err.println("mobile: " + dir + " is not empty; choose a new --data directory");
            return 2;
        }
        LocalDate first = start != null ? start
                : LocalDate.now(OpeningHours.BOGOTA).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Municipalities municipalities = Municipalities.colombia();
        MobilePlan plan = PlanGenerator.generate(seed, weeks, first, Town.ROUTE, municipalities);
        err.printf(Locale.ROOT, "mobile: %d weeks from %s, seed %d: %s; %d fixes, %d inspections and attempts planned %s%n",
                weeks, first, seed, plan.visited().stream().map(s -> s.town().name() + " " + s.from() + ".." + s.to())
                        .toList(), plan.fixes(), plan.expectedCounts().values().stream().mapToLong(Long::longValue).sum(),
                plan.expectedCounts());
        err.flush();
        MobileRun.Result r;
        try (MobileRun run = MobileRun.start(plan, dir, municipalities)) {
            r = run.play(dayMillis, err);
        }
        ObjectNode summary = summary(r, dir);
        out.println(summary);
        out.flush();
        return r.ok() ? 0 : 1;
    }

    static ObjectNode summary(MobileRun.Result r, Path dir) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = json.createObjectNode();
        MobilePlan plan = r.plan();
        s.put("line", MobileRun.LINE);
        s.put("weeks", java.time.temporal.ChronoUnit.DAYS.between(plan.start(), plan.end()) / 7);
        s.put("from", plan.start().toString());
        s.put("to", plan.end().minusDays(1).toString());
        s.put("seed", plan.seed());
        s.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        s.put("simulatedDaysPerSecond", Math.round(java.time.temporal.ChronoUnit.DAYS.between(plan.start(), plan.end())
                / Math.max(0.001, r.seconds()) * 100) / 100.0);
        ArrayNode visited = s.putArray("municipalitiesVisited");
        plan.visited().forEach(v -> visited.addObject().put("code", v.town().code()).put("name", v.town().name())
                .put("from", v.from().toString()).put("to", v.to().toString()));
        s.putPOJO("visitedOrderFromFixes", r.visitedOrder());
        s.put("fixesStored", r.fixes().accepted());
        s.put("fixesFiltered", r.fixes().received() - r.fixes().accepted());
        long accepted = r.observed().stream().filter(o -> o.actual().equals(MobilePlan.ACCEPTED)).count();
        s.put("inspectionsAccepted", accepted);
        Map<String, Long> refused = new TreeMap<>();
        r.observed().stream().filter(o -> !o.actual().equals(MobilePlan.ACCEPTED))
                .forEach(o -> refused.merge(o.actual(), 1L, Long::sum));
        s.putPOJO("refusedByReason", refused);
        s.put("plannedViolations", r.observed().stream().filter(o -> !o.expected().equals(MobilePlan.ACCEPTED)).count());
        s.put("plannedViolationsCaught", r.observed().stream()
                .filter(o -> !o.expected().equals(MobilePlan.ACCEPTED) && o.matches()).count());
        s.put("unexpectedOutcomes", r.unexpected());
        ArrayNode unexpected = s.putArray("unexpected");
        r.observed().stream().filter(o -> !o.matches()).limit(10).forEach(o -> unexpected.addObject()
                .put("at", o.at().toString()).put("expected", o.expected()).put("actual", o.actual()).put("why", o.why()));
        ArrayNode report = s.putArray("monthlyReport");
        for (MonthlyReport.Report m : r.reports()) {
            for (MonthlyReport.Row row : m.rows()) {
                report.addObject().put("month", m.month().toString()).put("code", row.municipalityCode())
                        .put("name", row.name()).put("department", row.department()).put("inspections", row.inspections())
                        .put("approved", row.approved()).put("rejected", row.rejected());
            }
        }
        s.put("reportMatchesAccepted", r.reportedByMonthAndCode().equals(r.acceptedByMonthAndCode()));
        s.put("pendingInOutbox", r.pendingInOutbox());
        s.put("ledgerOk", r.ledgerOk());
        s.put("dataDir", dir.toAbsolutePath().toString());
        s.put("ok", r.ok());
        return s;
    }
}
