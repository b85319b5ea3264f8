package co.rtm.hub.dashboard;

import co.rtm.hub.ingest.StationPresence;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SQL behind the dashboard's own read endpoints. Every per-day count goes through the
 * {@code results_station_started (station_id, started_at)} index: the stations are the outer loop, so the cost
 * is the day's results, not the whole ledger.
 */
public final class DashboardQueries {
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final String RESULT_COLUMNS = "id, message_id, center_id, station_id, result_type, subject, verdict,"
            + " fur_number, certificate_kind, certificate_number, started_at, tested_at, received_at";

    /**
     * The day's results per lane, type and verdict. Stations drive the join so each lane is one range scan of
     * {@code results_station_started}; {@code CROSS JOIN} pins that order on SQLite (PostgreSQL plans it itself).
     */
    public static final String TODAY_BY_STATION = "SELECT s.id AS station_id, r.result_type, r.verdict, COUNT(*) AS n"
            + " FROM stations s CROSS JOIN results r WHERE r.station_id = s.id AND r.started_at >= ? AND r.started_at < ?"
            + " GROUP BY s.id, r.result_type, r.verdict";

    private final Database db;

    public DashboardQueries(Database db) {
        this.db = db;
    }

    /** Midnight to midnight in Bogotá. */
    public static Instant[] dayBounds(LocalDate date) {
        return new Instant[]{date.atStartOfDay(BOGOTA).toInstant(), date.plusDays(1).atStartOfDay(BOGOTA).toInstant()};
    }

    /**
     * Every centre with its lanes (online/offline from {@code presence}) and the day's results per lane: inspections,
     * exams, approved.
     */
    public Map<String, Object> overview(LocalDate date, Map<String, StationPresence.Presence> presence) {
        Instant[] day = dayBounds(date);
        return db.read(tx -> {
            Map<String, Map<String, Object>> centers = new LinkedHashMap<>();
            for (Map<String, Object> c : Rows.of(tx, "SELECT id, kind, name, department, municipality FROM centers ORDER BY id")) {
                c.put("stations", new ArrayList<Map<String, Object>>());
                centers.put((String) c.get("id"), c);
            }
            Map<String, Map<String, Object>> stations = new LinkedHashMap<>();
            for (Map<String, Object> s : Rows.of(tx, "SELECT id, center_id, profile_id, active, capacity_per_hour FROM stations"
                    + " ORDER BY center_id, id")) {
                StationPresence.Presence p = presence.get((String) s.get("id"));
                s.put("status", p == null ? "unknown" : p.status());
                s.put("online", p != null && p.online());
                s.put("seenAt", p == null ? null : p.receivedAt());
                s.put("inspections", 0L);
                s.put("exams", 0L);
                s.put("approved", 0L);
                stations.put((String) s.get("id"), s);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) centers.get((String) s.get("centerId")).get("stations");
                list.add(s);
            }
            for (Map<String, Object> r : Rows.of(tx, TODAY_BY_STATION, Timestamps.format(day[0]), Timestamps.format(day[1]))) {
                Map<String, Object> s = stations.get((String) r.get("stationId"));
                long n = ((Number) r.get("n")).longValue();
                String key = "EXAM".equals(r.get("resultType")) ? "exams" : "inspections";
                s.put(key, (Long) s.get(key) + n);
                if ("APPROVED".equals(r.get("verdict"))) {
                    s.put("approved", (Long) s.get("approved") + n);
                }
            }
            long inspections = 0;
            long exams = 0;
            long approved = 0;
            long online = 0;
            for (Map<String, Object> c : centers.values()) {
                long ci = 0;
                long ce = 0;
                long ca = 0;
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) c.get("stations");
                for (Map<String, Object> s : list) {
                    ci += (Long) s.get("inspections");
                    ce += (Long) s.get("exams");
                    ca += (Long) s.get("approved");
                    online += Boolean.TRUE.equals(s.get("online")) ? 1 : 0;
                }
                c.put("inspections", ci);
                c.put("exams", ce);
                c.put("approved", ca);
                inspections += ci;
                exams += ce;
                approved += ca;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("date", date.toString());
            out.put("inspections", inspections);
            out.put("exams", exams);
            out.put("approved", approved);
            // approval over everything numbered today, inspections and exams alike; null when nothing yet
            out.put("approvalRate", inspections + exams == 0 ? null : (double) approved / (inspections + exams));
            out.put("stationsOnline", online);
            out.put("stationsTotal", stations.size());
            out.put("centers", new ArrayList<>(centers.values()));
            return out;
        });
    }

    /**
     * Per lane of the centre, inspections per Bogotá day over {@code days} days ending with {@code last}, and each
     * day's busiest clock hour; empty if no such centre.
     */
    public Optional<Map<String, Object>> capacityByDay(String center, LocalDate last, int days) {
        LocalDate first = last.minusDays(days - 1L);
        Instant from = dayBounds(first)[0];
        Instant to = dayBounds(last)[1];
        return db.read(tx -> {
            if (Rows.of(tx, "SELECT id FROM centers WHERE id = ?", center).isEmpty()) {
                return Optional.empty();
            }
            List<Map<String, Object>> lanes = new ArrayList<>();
            for (Map<String, Object> s : Rows.of(tx, "SELECT id, capacity_per_hour FROM stations WHERE center_id = ? ORDER BY id", center)) {
                Map<LocalDate, Map<Integer, Integer>> perDay = new TreeMap<>();
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    perDay.put(d, new TreeMap<>());
                }
                for (Map<String, Object> r : Rows.of(tx, "SELECT started_at FROM results WHERE station_id = ?"
                        + " AND result_type = 'INSPECTION' AND started_at >= ? AND started_at < ?", s.get("id"),
                        Timestamps.format(from), Timestamps.format(to))) {
                    var local = Timestamps.parse((String) r.get("startedAt")).atZone(BOGOTA);
                    perDay.computeIfAbsent(local.toLocalDate(), k -> new TreeMap<>()).merge(local.getHour(), 1, Integer::sum);
                }
                List<Map<String, Object>> dayRows = new ArrayList<>();
                perDay.forEach((d, hours) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("date", d.toString());
                    row.put("inspections", hours.values().stream().mapToInt(Integer::intValue).sum());
                    row.put("busiestHourCount", hours.values().stream().mapToInt(Integer::intValue).max().orElse(0));
                    dayRows.add(row);
                });
                Map<String, Object> lane = new LinkedHashMap<>();
                lane.put("stationId", s.get("id"));
                lane.put("capacityPerHour", s.get("capacityPerHour"));
                lane.put("days", dayRows);
                lanes.add(lane);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("centerId", center);
            out.put("from", first.toString());
            out.put("to", last.toString());
            out.put("lanes", lanes);
            return Optional.of(out);
        });
    }

    /**
     * Results whose plate or document (the subject), FUR number or certificate number is {@code q}, newest first.
     * A number is looked up as FUR and certificate; anything else as a subject, upper-cased.
     */
    public List<Map<String, Object>> search(String q, int limit) {
        String text = q.strip().toUpperCase(java.util.Locale.ROOT);
        return db.read(tx -> {
            List<Map<String, Object>> found = new ArrayList<>(Rows.of(tx, "SELECT " + RESULT_COLUMNS
                    + " FROM results WHERE subject = ? ORDER BY id DESC LIMIT ?", text, limit));
            if (text.matches("[0-9]{1,18}")) {
                long n = Long.parseLong(text);
                found.addAll(Rows.of(tx, "SELECT " + RESULT_COLUMNS + " FROM results WHERE fur_number = ? ORDER BY id DESC LIMIT ?",
                        n, limit));
                found.addAll(Rows.of(tx, "SELECT " + RESULT_COLUMNS
                        + " FROM results WHERE certificate_number = ? ORDER BY id DESC LIMIT ?", n, limit));
            }
            Map<Object, Map<String, Object>> unique = new TreeMap<>((a, b) -> Long.compare(((Number) b).longValue(),
                    ((Number) a).longValue()));
            found.forEach(r -> unique.put(r.get("id"), r));
            return unique.values().stream().limit(limit).toList();
        });
    }

    /** One result (inspection or exam) with its payload text, by messageId. */
    public Optional<Map<String, Object>> result(String messageId) {
        return db.read(tx -> {
            List<Map<String, Object>> rows = Rows.of(tx, "SELECT " + RESULT_COLUMNS + ", payload FROM results WHERE message_id = ?",
                    messageId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> row = rows.get(0);
            row.put("station", Rows.of(tx, "SELECT id, center_id, profile_id, active, capacity_per_hour FROM stations WHERE id = ?",
                    row.get("stationId")).stream().findFirst().orElse(null));
            row.put("center", Rows.of(tx, "SELECT id, kind, name, department, municipality FROM centers WHERE id = ?",
                    row.get("centerId")).stream().findFirst().orElse(null));
            return Optional.of(row);
        });
    }

    /** The centre a station belongs to, if the station exists. */
    public Optional<String> centerOf(String stationId) {
        return db.read(tx -> Rows.of(tx, "SELECT center_id FROM stations WHERE id = ?", stationId).stream()
                .map(r -> (String) r.get("centerId")).findFirst());
    }
}
