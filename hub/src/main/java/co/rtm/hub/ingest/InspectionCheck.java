package co.rtm.hub.ingest;

import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.hub.plausibility.Evidence;
import co.rtm.hub.registry.ProfileRefs;
import co.rtm.hub.registry.Station;
import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a verified {@code inspection} message into a ledger submission, or refuses it: the payload
 * must be an inspection message whose ids are the topic's, scored on the station's own profile,
 * and its claimed verdict and defect counts must be exactly what the hub gets by scoring the same
 * document again; then the plausibility checks that need no database ({@link PlausibleInspection}). Pure: no I/O.
 * Thread-safe.
 */
final class InspectionCheck {
    private final Scorer scorer;
    private final ScoringInputReader reader;

    InspectionCheck(Scorer scorer) {
        this.scorer = scorer;
        this.reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
    }

    Submission check(SignedMessage signed, byte[] envelope) throws RefusedException {
        InspectionMessage m;
        try {
            m = Json.read(signed.payload(), InspectionMessage.class);
        } catch (IOException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, "not an inspection message: " + firstLine(e));
        }
        Station station = signed.station();
        if (!m.centerId().equals(signed.topic().centerId()) || !m.stationId().equals(signed.topic().stationId())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH, "payload names " + m.centerId() + "/" + m.stationId()
                    + ", topic " + signed.topic().centerId() + "/" + signed.topic().stationId());
        }
        if (!m.profile().equals(station.profileId())) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD,
                    "scored on profile " + m.profile() + ", but station " + station.id() + " is " + station.profileId());
        }
        StationProfile profile = ProfileRefs.resolve(station.profileId()).orElseThrow(() -> new RefusedException(
                RejectReason.MALFORMED_PAYLOAD, "profile " + station.profileId() + " is not known to this hub"));
        ScoringInput input;
        ScoreResult rescored;
        try {
            input = reader.read(m.input(), "input");
            rescored = scorer.score(input, profile);
        } catch (InputException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, e.getMessage());
        }
        if (input.vehicle().plate() == null || input.vehicle().plate().isBlank()) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, "input.vehicle.plate: required");
        }
        ScoreResult claimed = m.score();
        if (rescored.verdict() != claimed.verdict() || rescored.typeA() != claimed.typeA()
                || rescored.typeB() != claimed.typeB()) {
            throw new RefusedException(RejectReason.VERDICT_MISMATCH, "claimed " + summary(claimed) + ", re-scored "
                    + summary(rescored) + " on " + profile.ref());
        }
        Evidence evidence = PlausibleInspection.evidence(m);
        PlausibleInspection.check(profile, m, input, evidence);
        Submission submission = new Submission(m.messageId().toString(), m.centerId(), m.stationId(), signed.keyVersion(),
                m.seq(), ResultType.INSPECTION, input.vehicle().plate(), Verdict.valueOf(rescored.verdict().name()),
                input.testedAt().toInstant(), envelope, new String(signed.payload(), StandardCharsets.UTF_8),
                m.startedAt().toInstant(), input.vehicle().kind(), PlausibleInspection.prints(evidence))
                .withInspectors(m.inspectors());
        return m.retestOfFur() == null ? submission
                : submission.asRetest(RetestClaim.of(m.retestOfFur(), m.input(), input, rescored));
    }

    private static String summary(ScoreResult s) {
        return s.verdict() + " (type A " + s.typeA() + ", type B " + s.typeB() + ")";
    }

    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
