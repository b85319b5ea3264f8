package co.rtm.agent.metrology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.outbox.Stamp;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.StationEvent;

/**
 * A metrological verification of the lane's instruments, reported as a signed {@code VERIFICATION} station event.
 * A mobile line must record one after each move before the hub accepts its next inspection (art. 3.3.3.8,
 * docs/mobile-lines.md); the hub takes the event's {@code createdAt} (the outbox's stamp) as the verification time.
 */
public final class MetrologicalVerification {
    private MetrologicalVerification() {
    }

    /**
     * The event for {@link co.rtm.agent.station.StationAgent#publishEvent}.
     *
     * @param instrument what was verified (e.g. "linea completa", "analizador de gases")
     * @param serial     its serial number, or null
     * @param note       free text (who verified, the pattern used), or null
     */
    public static Function<MessageHeader, StationEvent> event(String instrument, String serial, String note) {
        if (instrument == null || instrument.isBlank()) {
            throw new IllegalArgumentException("a verification names the instrument verified");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("instrument", instrument);
        if (serial != null && !serial.isBlank()) {
            detail.put("serial", serial);
        }
        if (note != null && !note.isBlank()) {
            detail.put("note", note);
        }
        return h -> StationEvent.of(h, EventType.VERIFICATION, detail);
    }

    /**
     * Appends the event, signed with the bundle's key, to a station's outbox directly (another process, such as a
     * running agent, may hold it: SQLite's lock keeps them apart; the agent's uplink finds it on its next poll).
     */
    public static Stamp append(Outbox outbox, StationBundle bundle, Function<MessageHeader, StationEvent> event)
            throws OutboxFullException {
        StationTopics topics = new StationTopics(bundle.centerId(), bundle.stationId());
        return outbox.append(topics.forType("event"), "event", s -> Envelope.sign(Json.write(event.apply(
                new MessageHeader(s.messageId(), bundle.centerId(), bundle.stationId(), s.seq(), s.bootId().toString(),
                        s.createdAt()))), "event", bundle.signingKey()));
    }
}
