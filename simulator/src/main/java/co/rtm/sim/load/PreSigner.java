package co.rtm.sim.load;

import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.vehicles.VehiclePopulation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds one lane's inspections the way an agent would: a realistic document the lane's profile accepts, scored
 * by the shipped scorer, wrapped with seq 1..n and a fresh message id, signed with the station's key.
 *
 * <p>A lane's results are a minute apart, going back from {@link #TESTED_AT} (sixty per clock hour, what a busy lane
 * registers as its capacity with {@code load --rules}), each started {@link #DURATION} before it was tested and
 * with its own plate ({@link #plate}): the hub refuses one plate on two lanes at overlapping times (PLATE_OVERLAP)
 * and an inspection shorter than its profile's minimum (TOO_SHORT_INSPECTION).
 */
final class PreSigner {
    private static final OffsetDateTime TESTED_AT = OffsetDateTime.parse("2026-11-20T10:15:00-05:00");
    private static final String BOOT_ID = "load-boot-1";
    /** The inspector every load result names (and, with {@code --rules}, who logs in on every lane). */
    static final String INSPECTOR = "CC-1010";
    /** Results per lane per clock hour (one a minute): the capacity {@code load --rules} registers. */
    static final int PER_HOUR = 60;
    private static final Duration DURATION = Duration.ofMinutes(12);
    /** How many letter prefixes {@link #plate} has, AAA to ZZZ. */
    static final int PLATE_LETTER_BLOCKS = 26 * 26 * 26;

    private PreSigner() {
    }

    /** {@code count} signed envelopes for {@code bundle}'s station; adds one to {@code progress} per envelope. */
    static Lane.Batch sign(StationBundle bundle, int lane, StationProfile profile, int count, long seed, AtomicLong progress) {
        Scorer scorer = Scorer.builtIn();
        ScoringInputReader reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
        VehiclePopulation population = VehiclePopulation.testedAt(seed, TESTED_AT);
        SigningKey key = bundle.signingKey();
        String[] ids = new String[count];
        byte[][] envelopes = new byte[count][];
        int made = 0;
        while (made < count) {
            ObjectNode doc = population.next();
            ((ObjectNode) doc.get("vehicle")).put("plate", plate(lane, made));
            // one vehicle a minute per lane, going back in time from TESTED_AT: sixty per clock hour, a busy lane
            OffsetDateTime testedAt = TESTED_AT.minusMinutes(made);
            doc.put("testedAt", testedAt.toString());
            ScoringInput input;
            ScoreResult score;
            try {
                input = reader.read(doc, "input");
                if (!profile.accepts(input.vehicle().kind())) {
                    continue; // a heavy vehicle or a motorcycle: not for a light lane
                }
                score = scorer.score(input, profile);
            } catch (InputException e) {
                continue;
            }
            UUID id = UUID.randomUUID();
            MessageHeader header = new MessageHeader(id, bundle.centerId(), bundle.stationId(), made + 1L, BOOT_ID,
                    TESTED_AT.plusMinutes(20));
            InspectionMessage message = InspectionMessage.of(header, bundle.profile(), testedAt.minus(DURATION), List.of(INSPECTOR),
                    null, doc, score);
            ids[made] = id.toString();
            envelopes[made] = Envelope.sign(Json.write(message), InspectionMessage.TYPE, key);
            made++;
            progress.incrementAndGet();
        }
        return new Lane.Batch(ids, envelopes, true);
    }

    /** A plate of its own for result {@code n} of lane {@code lane} (below {@link #PLATE_LETTER_BLOCKS}): three letters from the lane, then n. */
    static String plate(int lane, int n) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0, v = lane; i < 3; i++, v /= 26) {
            letters.insert(0, (char) ('A' + v % 26));
        }
        return letters + String.format(java.util.Locale.ROOT, "%03d", n);
    }

    /**
     * The lane's inspector logging in (a signed LOGIN event) the day before the results start, so that a centre
     * with people registered accepts them ({@code load --rules}); seq after the results' seqs.
     */
    static Lane.Batch login(StationBundle bundle, String document, int results) {
        UUID id = UUID.randomUUID();
        MessageHeader header = new MessageHeader(id, bundle.centerId(), bundle.stationId(), results + 1L, BOOT_ID,
                TESTED_AT.minusMinutes(results).minus(DURATION).minusDays(1));
        byte[] envelope = Envelope.sign(Json.write(co.rtm.profiles.wire.LoginEvents.login(header, document)), "event",
                bundle.signingKey());
        return new Lane.Batch(new String[] {id.toString()}, new byte[][] {envelope}, true);
    }
}
