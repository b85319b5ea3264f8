package co.rtm.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.mobile.MonthlyReport;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Timestamps;
import co.rtm.sim.demo.DemoMobileLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mobile line end to end: the embedded hub with the line's schedule, a real agent reading a simulated GPS over TCP
 * and a simulated lane, the track and the inspections through the outbox and MQTT, the hub's acceptance rules.
 */
class MobileLineE2ETest {
    @TempDir
    Path dir;

    @Test
    void refusedOutsideAndBeforeTheVerificationAcceptedAfterItAndCountedInTheMonthlyReport() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        StringWriter log = new StringWriter();
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0))) {
            DemoMobileLine.Outcome outcome;
            try (DemoMobileLine line = DemoMobileLine.start(hub, dir.resolve("stations"), null, 7)) {
                outcome = line.run(new PrintWriter(log));
            }
            assertThat(outcome.steps()).as(log.toString()).containsExactly("OUTSIDE_SCHEDULED_MUNICIPALITY",
                    "METROLOGICAL_VERIFICATION_REQUIRED", "ACCEPTED", "ACCEPTED", "ACCEPTED");
            assertThat(outcome.asPlanned()).isTrue();
            assertThat(outcome.verified()).isTrue();
            assertThat(outcome.accepted()).isEqualTo(3);
            assertThat(outcome.refused()).isEqualTo(2);
            assertThat(outcome.trackFixes()).isPositive();

            // the report counts the accepted, completed inspections in Mitú (today is in its stay)
            long completed = hub.database().read(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement("SELECT COUNT(*) FROM results"
                        + " WHERE station_id = ? AND verdict IN ('APPROVED', 'REJECTED')")) {
                    ps.setString(1, DemoMobileLine.STATION);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            // the month the (simulated, an hour behind) inspections started in, Bogotá
            String startedAt = hub.database().read(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "SELECT MIN(started_at) FROM results WHERE station_id = ?")) {
                    ps.setString(1, DemoMobileLine.STATION);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            YearMonth month = YearMonth.from(Timestamps.parse(startedAt).atZone(OpeningHours.BOGOTA));
            MonthlyReport.Report report = MonthlyReport.of(hub.database(), DemoMobileLine.CENTER, month,
                    Municipalities.colombia());
            assertThat(report.rows()).singleElement().satisfies(row -> {
                assertThat(row.municipalityCode()).isEqualTo(DemoMobileLine.MITU);
                assertThat(row.inspections()).isEqualTo(completed);
            });
        }
    }
}
