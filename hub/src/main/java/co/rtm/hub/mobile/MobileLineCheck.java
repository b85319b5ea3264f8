package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads what {@link MobileAcceptance} needs inside the ledger's transaction and applies it to an inspection of a
 * mobile line. Lines that have not registered any stay yet are not checked (like the inspector rule, which applies
 * once a centre registered people): a line is held to its schedule from its first registered stay on. A stay
 * registered later for past days makes the inspections accepted on them count as checked, which they were not: the
 * move scan of the next inspection then starts after them (see {@link MobileAcceptance}).
 */
public final class MobileLineCheck {
    private MobileLineCheck() {
    }

    /** @param mobileLine whether the submission's centre is a mobile line (the ledger's lane limits say so) */
    public static Optional<MobileAcceptance.Refused> check(Tx tx, Submission s, boolean mobileLine,
                                                           Function<Tx, TrackHistory> tracks, MobileSettings settings)
            throws SQLException {
        if (s.type() != ResultType.INSPECTION || !mobileLine) {
            return Optional.empty();
        }
        List<Stay> stays = Schedules.stays(tx, s.centerId());
        if (stays.isEmpty()) {
            return Optional.empty();
        }
        Instant previous = previousInspection(tx, s.stationId(), s.startedAt());
        if (previous != null) {
            LocalDate day = previous.atZone(OpeningHours.BOGOTA).toLocalDate();
            if (stays.stream().noneMatch(stay -> stay.covers(day))) {
                previous = null; // accepted on a day no stay covers: not checked against a track
            }
        }
        return MobileAcceptance.check(s.stationId(), s.startedAt(), stays,
                Verifications.latestAtOrBefore(tx, s.stationId(), s.startedAt()), previous, tracks.apply(tx),
                Municipalities.colombia(), settings);
    }

    /** The start of the station's newest accepted inspection that started before {@code t}, or null. */
    private static Instant previousInspection(Tx tx, String stationId, Instant t) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT started_at FROM results"
                + " WHERE station_id = ? AND started_at < ? AND result_type = 'INSPECTION' ORDER BY started_at DESC LIMIT 1")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(t));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Timestamps.parse(rs.getString(1)) : null;
            }
        }
    }
}
