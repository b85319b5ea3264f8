package co.rtm.hub.tracks;

import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A registered mobile line with its key, and signed track batches of it. */
final class TrackFixtures {
    static final String CENTER = "CDA-MOV";

    private TrackFixtures() {
    }

    static SigningKey register(Registry registry, String station) {
        if (registry.findCenter(CENTER).isEmpty()) {
            registry.createCenter(CENTER, CenterKind.CDA, CENTER, CENTER);
        }
        registry.createStation(station, CENTER, "cda-light@1");
        SigningKey key = Ed25519Keys.generate(station + "#1");
        registry.addKey(station, key.verificationKey().toBase64Url());
        return key;
    }

    /** {@code n} fixes one second apart from {@code start}, driving north at about 36 km/h. */
    static List<TrackFix> drive(Instant start, int n, double lat) {
        List<TrackFix> fixes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fixes.add(new TrackFix(start.plusSeconds(i), lat + i * 0.00009, -74.08, 2600.0, 36.0, 0.0, 0.9, 9, 1));
        }
        return fixes;
    }

    static TrackBatch batch(String station, long seq, List<TrackFix> fixes) {
        return TrackBatch.of(new MessageHeader(UUID.randomUUID(), CENTER, station, seq, "boot-1",
                OffsetDateTime.now(ZoneOffset.ofHours(-5))), fixes);
    }

    static byte[] signed(TrackBatch batch, SigningKey key) {
        return Envelope.sign(Json.write(batch), TrackBatch.TYPE, key);
    }

    static String topic(String station) {
        return "runt/v1/" + CENTER + "/" + station + "/track";
    }
}
