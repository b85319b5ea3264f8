package co.rtm.hub.registry;

import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inspectors and technical directors a centre registered. Every change is one transaction with its audit entry
 * ({@code PERSON_REGISTERED}, {@code PERSON_DEACTIVATED}, subject {@code centre/document}). Once a centre registers
 * anyone, its lanes' inspections need a registered active inspector logged in (docs/rules-people-retests.md).
 */
public final class People {
    public static final String AUDIT_REGISTERED = "PERSON_REGISTERED";
    public static final String AUDIT_DEACTIVATED = "PERSON_DEACTIVATED";

    private final Database db;
    private final Clock clock;
    private final String actor;

    public People(Database db, Clock clock) {
        this(db, clock, null);
    }

    private People(Database db, Clock clock, String actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** The same people whose audit entries name {@code actor} as {@code by} (see {@link Registry#actingAs}). */
    public People actingAs(String actor) {
        return new People(db, clock, Actors.require(actor));
    }

    /** Registers a person, or updates the name and role of one already registered and makes them active again. */
    public Person register(String centerId, DocumentId document, String name, PersonRole role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        String clean = name.strip();
        Instant now = Timestamps.truncate(clock.instant());
        return db.inTransaction(tx -> {
            requireCdaOrMobile(tx, centerId);
            boolean known = find(tx, centerId, document).isPresent();
            String sql = known
                    ? "UPDATE people SET name = ?, role = ?, active = ?, updated_at = ?"
                    + " WHERE center_id = ? AND document_type = ? AND document_number = ?"
                    : "INSERT INTO people (name, role, active, updated_at, center_id, document_type, document_number,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setString(1, clean);
                ps.setString(2, role.name());
                ps.setBoolean(3, true);
                ps.setString(4, Timestamps.format(now));
                ps.setString(5, centerId);
                ps.setString(6, document.type());
                ps.setString(7, document.number());
                if (!known) {
                    ps.setString(8, Timestamps.format(now));
                }
                ps.executeUpdate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", clean);
            detail.put("role", role.name());
            detail.put("active", true);
            AuditLog.append(tx, now, AUDIT_REGISTERED, centerId + "/" + document, Actors.stamp(actor, detail));
            return new Person(centerId, document, clean, role, true, now);
        });
    }

    /** Deactivates a registered person: from now on their logins let no inspection through. */
    public Person deactivate(String centerId, DocumentId document) {
        Instant now = Timestamps.truncate(clock.instant());
        return db.inTransaction(tx -> {
            Person p = find(tx, centerId, document).orElseThrow(() -> new IllegalArgumentException(
                    "no person " + document + " is registered at centre " + centerId));
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE people SET active = ?, updated_at = ?"
                    + " WHERE center_id = ? AND document_type = ? AND document_number = ?")) {
                ps.setBoolean(1, false);
                ps.setString(2, Timestamps.format(now));
                ps.setString(3, centerId);
                ps.setString(4, document.type());
                ps.setString(5, document.number());
                ps.executeUpdate();
            }
            AuditLog.append(tx, now, AUDIT_DEACTIVATED, centerId + "/" + document, Actors.stamp(actor, Map.of("wasActive", p.active())));
            return new Person(centerId, document, p.name(), p.role(), false, now);
        });
    }

    public Optional<Person> find(String centerId, DocumentId document) {
        return db.read(tx -> find(tx, centerId, document));
    }

    /** Everyone the centre registered, active or not, by document. */
    public List<Person> list(String centerId) {
        return db.read(tx -> {
            List<Person> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM people WHERE center_id = ? ORDER BY document_type, document_number")) {
                ps.setString(1, centerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(person(rs));
                    }
                }
            }
            return out;
        });
    }

    private static final String COLUMNS = "center_id, document_type, document_number, name, role, active, updated_at";

    private static Optional<Person> find(Tx tx, String centerId, DocumentId document) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM people WHERE center_id = ? AND document_type = ? AND document_number = ?")) {
            ps.setString(1, centerId);
            ps.setString(2, document.type());
            ps.setString(3, document.number());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(person(rs)) : Optional.empty();
            }
        }
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getString(1), new DocumentId(rs.getString(2), rs.getString(3)), rs.getString(4),
                PersonRole.valueOf(rs.getString(5)), rs.getBoolean(6), Timestamps.parse(rs.getString(7)));
    }

    private static void requireCdaOrMobile(Tx tx, String centerId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind FROM centers WHERE id = ?")) {
            ps.setString(1, centerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("unknown centre " + centerId);
                }
                if (CenterKind.CALE.name().equals(rs.getString(1))) {
                    throw new IllegalArgumentException("centre " + centerId
                            + " is a CALE; inspectors and technical directors are registered at CDAs and mobile lines");
                }
            }
        }
    }
}
