package co.rtm.hub.ingest;

import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.LoginEvents;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.StationEvent;

/**
 * A login or logout event must name a well-formed document ({@link LoginEvents}); the hub stores it whether or not
 * the centre registered that person, and the ledger judges inspections against it later. Pure.
 */
final class LoginCheck {
    private LoginCheck() {
    }

    static void check(StationEvent event) throws RefusedException {
        if (!LoginEvents.isLogin(event)) {
            return;
        }
        String text = LoginEvents.document(event).orElseThrow(() -> new RefusedException(RejectReason.MALFORMED_PAYLOAD,
                "detail." + LoginEvents.DOCUMENT + ": required on a " + event.type() + " event (e.g. CC-79123456)"));
        try {
            DocumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, "detail." + LoginEvents.DOCUMENT + ": " + e.getMessage());
        }
    }
}
