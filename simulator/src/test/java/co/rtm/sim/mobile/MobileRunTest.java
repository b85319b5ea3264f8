package co.rtm.sim.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.hub.mobile.MonthlyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten simulated weeks of a mobile line through three municipalities, against a real hub (embedded broker, SQLite)
 * and a real agent on one compressed clock.
 */
class MobileRunTest {
    @TempDir
    Path dir;

    @Test
    void tenWeeksThroughThreeMunicipalitiesEveryPlannedBreakIsRefusedAndTheReportAndLedgerAgree() throws Exception {
        Municipalities co = Municipalities.colombia();
        MobilePlan plan = PlanGenerator.generate(3, 10, LocalDate.parse("2027-02-01"), Town.ROUTE.subList(0, 3), co);
        assertThat(plan.visited()).hasSize(3);
        MobileRun.Result r;
        StringWriter log = new StringWriter();
        try (MobileRun run = MobileRun.start(plan, dir, co)) {
            r = run.play(0, new PrintWriter(log));
        }

        // the hub's stored fixes show the line in the scheduled municipalities, in order
        assertThat(r.visitedOrder()).containsExactlyElementsOf(plan.visited().stream().map(s -> s.town().code()).toList());
        assertThat(r.fixes().accepted()).isEqualTo(plan.fixes());

        // every planned inspection got the planned answer; the breaks were refused (or held) with their reason
        assertThat(r.observed()).hasSize((int) plan.expectedCounts().values().stream().mapToLong(Long::longValue).sum());
        assertThat(r.observed()).allSatisfy(o -> assertThat(o.actual()).as(o.why() + " at " + o.at()).isEqualTo(o.expected()));
        assertThat(r.observed()).extracting(MobileRun.Observed::actual).contains(
                RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY, RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED,
                RefusalReasons.NO_RECENT_FIX, MobilePlan.HELD_NOT_SCHEDULED, MobilePlan.ACCEPTED);

        // accepted inspections are in the monthly report under the municipality scheduled that day
        Map<String, Long> reported = new TreeMap<>();
        for (MonthlyReport.Report m : r.reports()) {
            for (MonthlyReport.Row row : m.rows()) {
                assertThat(row.municipalityCode()).isIn(plan.visited().stream().map(s -> s.town().code()).toList());
                reported.merge(row.municipalityCode(), row.inspections(), Long::sum);
            }
        }
        assertThat(reported.keySet()).hasSize(3);
        assertThat(r.reportedByMonthAndCode()).isEqualTo(r.acceptedByMonthAndCode());
        long accepted = r.observed().stream().filter(o -> o.actual().equals(MobilePlan.ACCEPTED)).count();
        assertThat(reported.values().stream().mapToLong(Long::longValue).sum()).isBetween(accepted * 9 / 10, accepted);

        assertThat(r.ledgerOk()).as(r.ledgerDetail()).isTrue();
        assertThat(r.pendingInOutbox()).isZero();
        assertThat(r.ok()).isTrue();
        assertThat(log.toString()).contains("arrived in Puerto Nariño", "arrived in Mitú");
    }

    @Test
    void theCommandRefusesBadInputWithOneLineAndExit2() {
        for (List<String> args : List.of(List.of("--weeks", "0"), List.of("--weeks", "21"), List.of("--day-millis", "-1"),
                List.of("--start", "2027-02-02"))) {
            StringWriter err = new StringWriter();
            picocli.CommandLine cli = new picocli.CommandLine(new MobileCommand());
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(new StringWriter()));
            assertThat(cli.execute(args.toArray(String[]::new))).as(args.toString()).isEqualTo(2);
            assertThat(err.toString().trim().lines()).hasSize(1);
        }
    }
}
