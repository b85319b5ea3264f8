package co.rtm.hub.documents;

import co.rtm.hub.registry.ProfileRefs;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.Scored;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the FUR of an accepted inspection from the ledger row and its stored payload, re-scored with the same
 * {@link Scorer} ingestion used, so the measurements, limits and defects are the rulebook's, not this class's.
 */
public final class Furs {
    private static final ObjectMapper TREE = new ObjectMapper();

    private final Database db;
    private final Scorer scorer;
    private final ScoringInputReader reader;

    public Furs(Database db, Scorer scorer) {
        this.db = db;
        this.scorer = scorer;
        this.reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
    }

    /**
     * The FUR of inspection {@code messageId}, empty when the hub holds no accepted inspection with that id.
     *
     * @throws IllegalStateException when the stored payload no longer scores on this build (a profile retired)
     */
    public Optional<Fur> find(String messageId) {
        return db.read(tx -> {
            Row row = row(tx, messageId);
            if (row == null) {
                return Optional.empty();
            }
            return Optional.of(build(row, inspectorNames(tx, row.centerId)));
        });
    }

    private Fur build(Row row, Map<String, String> names) {
        InspectionMessage m;
        JsonNode tree;
        try {
            m = Json.read(row.payload.getBytes(StandardCharsets.UTF_8), InspectionMessage.class);
            tree = TREE.readTree(row.payload);
        } catch (IOException e) {
            throw new IllegalStateException("stored payload of " + row.messageId + " is not an inspection message", e);
        }
        StationProfile profile = ProfileRefs.resolve(m.profile())
                .orElseThrow(() -> new IllegalStateException("profile " + m.profile() + " is not known to this hub"));
        ScoringInput input = reader.read(m.input(), "input");
        Scored scored = scorer.scoreWithMeasurements(input, profile);
        List<Fur.Inspector> inspectors = new ArrayList<>();
        for (String document : m.inspectors()) {
            inspectors.add(new Fur.Inspector(document, names.get(document)));
        }
        return new Fur(row.messageId, row.fur, row.furSeries, row.certificateKind, row.certificate, row.centerId,
                row.centerName, row.stationId, m.profile(), input.vehicle(), owner(tree), scored.measured(),
                scored.score().defects(), scored.score().invalid(), scored.score().typeA(), scored.score().typeB(),
                scored.score().emissionRegime(), inspectors, photo(tree), m.retestOfFur(), m.startedAt().toInstant(),
                input.testedAt().toInstant(), row.receivedAt, row.verdict);
    }

    /** Owner data, printed only as the message gave it: an {@code owner} object of text fields, if any. */
    private static Map<String, String> owner(JsonNode payload) {
        JsonNode owner = payload.path("owner");
        if (!owner.isObject()) {
            owner = payload.path("input").path("owner");
        }
        Map<String, String> out = new LinkedHashMap<>();
        owner.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                out.put(f.getKey(), f.getValue().asText());
            }
        });
        return out;
    }

    /** The vehicle photo's reference (a file name or digest the lane kept), if the message names one. */
    private static String photo(JsonNode payload) {
        for (JsonNode candidate : List.of(payload.path("photo"), payload.path("evidence").path("photo"),
                payload.path("evidence").path("photoRef"))) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private record Row(String messageId, String centerId, String centerName, String furSeries, String stationId,
                       long fur, String certificateKind, Long certificate, java.time.Instant receivedAt, String verdict,
                       String payload) {
    }

    private static Row row(Tx tx, String messageId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT r.message_id, r.center_id, c.name,"
                + " c.fur_series_code, r.station_id, r.fur_number, r.certificate_kind, r.certificate_number, r.received_at,"
                + " r.verdict, r.payload FROM results r JOIN centers c ON c.id = r.center_id"
                + " WHERE r.message_id = ? AND r.result_type = 'INSPECTION' AND r.fur_number IS NOT NULL")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long cert = rs.getLong("certificate_number");
                Long certificate = rs.wasNull() ? null : cert;
                return new Row(rs.getString("message_id"), rs.getString("center_id"), rs.getString("name"),
                        rs.getString("fur_series_code"), rs.getString("station_id"), rs.getLong("fur_number"),
                        rs.getString("certificate_kind"), certificate, Timestamps.parse(rs.getString("received_at")),
                        rs.getString("verdict"), rs.getString("payload"));
            }
        }
    }

    private static Map<String, String> inspectorNames(Tx tx, String centerId) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT document_type, document_number, name FROM people WHERE center_id = ?")) {
            ps.setString(1, centerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1) + "-" + rs.getString(2), rs.getString(3));
                }
            }
        }
        return names;
    }
}
