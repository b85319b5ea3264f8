package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.geo.Municipality;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Art. 3.3.1.6 l (seed 003 L715): software "para permitir la identificación de los municipios donde se realiza la
 * revisión y la generación de reportes donde se evidencie la realización de revisiones en cada municipio". Per line
 * and Bogotá calendar month, the accepted inspections by the municipality scheduled on the day each started (its
 * stay), with how many were approved and rejected (INCOMPLETE ones are not completed inspections: left out); inspections on a day no stay covers (before the line registered
 * a schedule) form one row with an empty code.
 */
public final class MonthlyReport {
    /** One municipality's line of the report. */
    public record Row(String municipalityCode, String name, String department, long inspections, long approved,
                      long rejected) {
    }

    public record Report(String lineId, YearMonth month, List<Row> rows) {
        public long inspections() {
            return rows.stream().mapToLong(Row::inspections).sum();
        }
    }

    private MonthlyReport() {
    }

    /** @throws NoSuchElementException for an unknown centre */
    public static Report of(Database db, String lineId, YearMonth month, Municipalities municipalities) {
        Instant from = month.atDay(1).atStartOfDay(OpeningHours.BOGOTA).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(OpeningHours.BOGOTA).toInstant();
        return db.read(tx -> {
            List<Stay> stays;
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM centers WHERE id = ?")) {
                ps.setString(1, lineId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchElementException("no centre " + lineId);
                    }
                }
            }
            stays = Schedules.stays(tx, lineId);
            Map<String, long[]> counts = new TreeMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT started_at, verdict FROM results"
                    + " WHERE center_id = ? AND result_type = 'INSPECTION' AND verdict IN ('APPROVED', 'REJECTED')"
                    + " AND started_at >= ? AND started_at < ?")) {
                ps.setString(1, lineId);
                ps.setString(2, Timestamps.format(from));
                ps.setString(3, Timestamps.format(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = Timestamps.parse(rs.getString(1)).atZone(OpeningHours.BOGOTA).toLocalDate();
                        String code = stays.stream().filter(s -> s.covers(day)).map(Stay::municipalityCode)
                                .findFirst().orElse("");
                        long[] c = counts.computeIfAbsent(code, k -> new long[3]);
                        c[0]++;
                        c[rs.getString(2).equals("APPROVED") ? 1 : 2]++;
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            counts.forEach((code, c) -> {
                Municipality m = code.isEmpty() ? null : municipalities.byCode(code).orElse(null);
                rows.add(new Row(code, m == null ? "" : m.name(), m == null ? "" : m.department(), c[0], c[1], c[2]));
            });
            return new Report(lineId, month, rows);
        });
    }

    /** RFC 4180 text with a header line; names carry no formula characters (they come from the DANE file). */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("line,month,municipality_code,municipality,department,inspections,approved,rejected\r\n");
        for (Row r : report.rows()) {
            out.append(field(report.lineId())).append(',').append(report.month()).append(',')
                    .append(field(r.municipalityCode())).append(',').append(field(r.name())).append(',')
                    .append(field(r.department())).append(',').append(r.inspections()).append(',')
                    .append(r.approved()).append(',').append(r.rejected()).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
