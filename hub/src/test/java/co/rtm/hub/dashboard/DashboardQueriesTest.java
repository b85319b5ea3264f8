package co.rtm.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.StationPresence;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.store.Timestamps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboard's SQL on SQLite and PostgreSQL. */
class DashboardQueriesTest {
    private static final String BACKENDS = "co.rtm.hub.store.TestDatabases#backends";
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final AtomicLong SEQ = new AtomicLong();

    @TempDir
    Path dir;

    private static void result(Database db, String center, String station, String type, String subject, String verdict,
                               Long fur, Long certificate, String startedBogota) {
        Instant started = java.time.OffsetDateTime.parse(startedBogota + "-05:00").toInstant();
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO results (message_id, center_id, station_id,"
                    + " key_version, seq, result_type, subject, verdict, fur_number, certificate_kind, certificate_number,"
                    + " tested_at, received_at, envelope, payload, started_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, center);
                ps.setString(3, station);
                ps.setLong(4, SEQ.incrementAndGet());
                ps.setString(5, type);
                ps.setString(6, subject);
                ps.setString(7, verdict);
                ps.setObject(8, fur);
                ps.setObject(9, certificate == null ? null : type.equals("EXAM") ? "CALE" : "RTM");
                ps.setObject(10, certificate);
                ps.setString(11, Timestamps.format(started.plusSeconds(600)));
                ps.setString(12, Timestamps.format(started.plusSeconds(660)));
                ps.setBytes(13, "{}".getBytes(StandardCharsets.UTF_8));
                ps.setString(14, Timestamps.format(started));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void fixture(Database db) {
        Registry r = new Registry(db, Clock.systemUTC());
        r.createCenter("CDA-A", CenterKind.CDA, "Centro A", "AAA");
        r.createCenter("CALE-B", CenterKind.CALE, "CALE B", null);
        r.createStation("a-1", "CDA-A", "cda-light@1");
        r.createStation("a-2", "CDA-A", "cda-light@1");
        r.createStation("b-1", "CALE-B", "cale-theory@1");
        result(db, "CDA-A", "a-1", "INSPECTION", "ABC123", "APPROVED", 1L, 501L, "2026-11-20T08:05:00");
        result(db, "CDA-A", "a-1", "INSPECTION", "DEF456", "APPROVED", 2L, 502L, "2026-11-20T08:40:00");
        result(db, "CDA-A", "a-1", "INSPECTION", "GHI789", "REJECTED", 3L, null, "2026-11-20T09:10:00");
        result(db, "CALE-B", "b-1", "EXAM", "CC-79123456", "APPROVED", null, 77L, "2026-11-20T10:00:00");
        // the day before (Bogotá) and just after midnight UTC of the 20th but still the 19th in Bogotá
        result(db, "CDA-A", "a-1", "INSPECTION", "ABC123", "REJECTED", 4L, null, "2026-11-19T18:30:00");
        result(db, "CDA-A", "a-2", "INSPECTION", "JKL012", "APPROVED", 5L, 503L, "2026-11-19T23:59:00");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> station(Map<String, Object> overview, String id) {
        return ((List<Map<String, Object>>) overview.get("centers")).stream()
                .flatMap(c -> ((List<Map<String, Object>>) c.get("stations")).stream())
                .filter(s -> s.get("id").equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void theOverviewCountsTheBogotaDayPerLaneAndShowsPresence(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            fixture(h.db());
            StationPresence presence = new StationPresence();
            Map<String, StationPresence.Presence> seen = Map.of(
                    "a-1", new StationPresence.Presence("CDA-A", "a-1", "online", Instant.parse("2026-11-20T13:00:00Z")),
                    "a-2", new StationPresence.Presence("CDA-A", "a-2", "offline", Instant.parse("2026-11-20T13:00:00Z")));
            Map<String, Object> o = new DashboardQueries(h.db()).overview(DAY, seen);
            assertThat(o.get("inspections")).isEqualTo(3L);
            assertThat(o.get("exams")).isEqualTo(1L);
            assertThat(o.get("approved")).isEqualTo(3L);
            assertThat((Double) o.get("approvalRate")).isEqualTo(0.75);
            assertThat(o.get("stationsOnline")).isEqualTo(1L);
            assertThat(o.get("stationsTotal")).isEqualTo(3);
            assertThat(station(o, "a-1")).containsEntry("inspections", 3L).containsEntry("approved", 2L)
                    .containsEntry("online", true).containsEntry("status", "online");
            assertThat(station(o, "a-2")).containsEntry("inspections", 0L).containsEntry("online", false)
                    .containsEntry("status", "offline");
            assertThat(station(o, "b-1")).containsEntry("exams", 1L).containsEntry("status", "unknown");
            assertThat(presence.all()).isEmpty();

            Map<String, Object> before = new DashboardQueries(h.db()).overview(DAY.minusDays(1), Map.of());
            assertThat(before.get("inspections")).isEqualTo(2L);
            assertThat(before.get("approvalRate")).isEqualTo(0.5);
            assertThat(new DashboardQueries(h.db()).overview(DAY.plusDays(1), Map.of()).get("approvalRate")).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void capacityByDayCountsEachBogotaDayAndItsBusiestHour(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            fixture(h.db());
            Map<String, Object> c = new DashboardQueries(h.db()).capacityByDay("CDA-A", DAY, 2).orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lanes = (List<Map<String, Object>>) c.get("lanes");
            assertThat(lanes).extracting(l -> l.get("stationId")).containsExactly("a-1", "a-2");
            assertThat(lanes.get(0).get("days")).asList().containsExactly(
                    Map.of("date", "2026-11-19", "inspections", 1, "busiestHourCount", 1),
                    Map.of("date", "2026-11-20", "inspections", 3, "busiestHourCount", 2));
            assertThat(lanes.get(1).get("days")).asList().containsExactly(
                    Map.of("date", "2026-11-19", "inspections", 1, "busiestHourCount", 1),
                    Map.of("date", "2026-11-20", "inspections", 0, "busiestHourCount", 0));
            assertThat(new DashboardQueries(h.db()).capacityByDay("NOPE", DAY, 2)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void searchFindsByPlateDocumentFurAndCertificateNewestFirst(String backend) {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            fixture(h.db());
            DashboardQueries q = new DashboardQueries(h.db());
            assertThat(q.search("abc123", 10)).extracting(r -> ((Number) r.get("furNumber")).longValue()).containsExactly(4L, 1L);
            assertThat(q.search("CC-79123456", 10)).extracting(r -> r.get("resultType")).containsExactly("EXAM");
            assertThat(q.search("3", 10)).extracting(r -> r.get("subject")).containsExactly("GHI789");
            assertThat(q.search("502", 10)).extracting(r -> r.get("subject")).containsExactly("DEF456");
            assertThat(q.search("77", 10)).extracting(r -> r.get("subject")).containsExactly("CC-79123456");
            assertThat(q.search("ZZZ999", 10)).isEmpty();
        }
    }
}
