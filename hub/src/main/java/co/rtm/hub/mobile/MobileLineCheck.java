package co.rtm.hub.mobile;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads what {@link MobileAcceptance} needs inside the ledger's transaction and applies it to an inspection of a
 * mobile line. Lines that have not registered any stay yet are not checked (like the inspector rule, which applies
 * once a centre registered people): a line is held to its schedule from its first registered stay on.
 */
public final class MobileLineCheck {
    private MobileLineCheck() {
    }

    public static Optional<MobileAcceptance.Refused> check(Tx tx, Submission s, Function<Tx, TrackHistory> tracks,
                                                           MobileSettings settings) throws SQLException {
        if (s.type() != ResultType.INSPECTION || !isMobile(tx, s.centerId())) {
            return Optional.empty();
        }
        List<Stay> stays = Schedules.stays(tx, s.centerId());
        if (stays.isEmpty()) {
            return Optional.empty();
        }
        return MobileAcceptance.check(s.stationId(), s.startedAt(), stays,
                Verifications.latestAtOrBefore(tx, s.stationId(), s.startedAt()), tracks.apply(tx),
                Municipalities.colombia(), settings);
    }

    private static boolean isMobile(Tx tx, String centerId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind FROM centers WHERE id = ?")) {
            ps.setString(1, centerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && CenterKind.MOBILE.name().equals(rs.getString(1));
            }
        }
    }
}
