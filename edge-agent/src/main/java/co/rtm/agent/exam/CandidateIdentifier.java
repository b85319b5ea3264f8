package co.rtm.agent.exam;

import co.rtm.agent.identity.Candidate;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.IdentityException;
import co.rtm.agent.identity.Verification;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.StationEvent;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifies the person in front of a CALE station (art. 3.7.3.1.3 num. 1, 3.7.3.2.1): the capture is extracted
 * once, verified 1:1 against the claimed document in the Registraduría replica, and searched 1:N on every
 * identification. A 1:N hit under another document is an impersonation (DESIGN §6): a signed {@code IMPERSONATION}
 * event {@code {presentedDocument, enrolledDocument, capturedAt, score}} (the hub's alert needs them) goes to the hub through the outbox and the person is
 * refused, whatever the 1:1 outcome. Otherwise NO_MATCH, LOW_QUALITY and NOT_ENROLLED refuse.
 */
public final class CandidateIdentifier {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateIdentifier.class);

    private final CivilRegistryReplica replica;
    private final ExamPublisher publisher;
    private final Clock clock;
    private final double threshold;

    /** With the replica's threshold. */
    public CandidateIdentifier(CivilRegistryReplica replica, ExamPublisher publisher, Clock clock) {
        this(replica, publisher, clock, replica.threshold());
    }

    /**
     * @param threshold the score at or above which a capture matches 1:1 and is a hit 1:N (the profile's
     *                  {@code identity.matchThreshold}, or the command line's override)
     */
    public CandidateIdentifier(CivilRegistryReplica replica, ExamPublisher publisher, Clock clock, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be above 0, got " + threshold);
        }
        this.replica = replica;
        this.publisher = publisher;
        this.clock = clock;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Identifies with the 1:N search (at the start of an exam). */
    public IdentityCheck identify(DocumentId claimed, Capture capture) {
        return check(claimed, capture, true);
    }

    /** Verifies 1:1 only that the same person closes the exam (art. 3.7.3.1.4: fingerprint again at the close). */
    public IdentityCheck reconfirm(DocumentId claimed, Capture capture) {
        return check(claimed, capture, false);
    }

    private IdentityCheck check(DocumentId claimed, Capture capture, boolean search) {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (!replica.isEnrolled(claimed)) {
            return new IdentityCheck.Refused(StationRefusal.NOT_ENROLLED, claimed + " is not in the replica");
        }
        FingerprintTemplate probe;
        try {
            probe = capture.template() != null ? new FingerprintTemplate(capture.template())
                    : replica.captures().fromImage(capture.fingerprintImage(), capture.dpi());
        } catch (IdentityException e) {
            return new IdentityCheck.Refused(StationRefusal.LOW_QUALITY, e.getMessage());
        } catch (RuntimeException e) { // SourceAFIS refuses bytes that are not its template
            return new IdentityCheck.Refused(StationRefusal.LOW_QUALITY, "not a fingerprint template: " + e.getMessage());
        }
        Verification v = replica.verify(claimed, probe);
        if (search) {
            List<Candidate> hits = replica.search(probe, threshold);
            for (Candidate hit : hits) {
                if (!hit.document().equals(claimed)) {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("presentedDocument", claimed.text());
                    detail.put("enrolledDocument", hit.document().text());
                    detail.put("capturedAt", at.toString());
                    detail.put("score", Math.round(hit.score() * 10) / 10.0);
                    boolean sent = publisher.event(h -> StationEvent.of(h, EventType.IMPERSONATION, detail));
                    LOG.warn("impersonation: {} presented, the finger is enrolled under {} (score {}){}", claimed,
                            hit.document(), Math.round(hit.score()), sent ? "" : "; the event could not be stored");
                    return new IdentityCheck.Refused(StationRefusal.IMPERSONATION,
                            claimed + " presented, finger enrolled under " + hit.document());
                }
            }
        }
        Double score = v instanceof Verification.Match m ? Double.valueOf(m.score())
                : v instanceof Verification.NoMatch n ? Double.valueOf(n.score()) : null;
        if (score != null && score >= threshold) {
            return new IdentityCheck.Identified(new Identification(Hashes.sha256(probe.toByteArray()),
                    Math.round(score * 1000) / 1000.0, Hashes.sha256(capture.photo()), at,
                    replica.referenceHash(claimed).orElseThrow()));
        }
        if (score != null) {
            return new IdentityCheck.Refused(StationRefusal.NO_MATCH,
                    claimed + ": score " + Math.round(score) + " below " + threshold);
        }
        if (v instanceof Verification.LowQuality q) {
            return new IdentityCheck.Refused(StationRefusal.LOW_QUALITY, q.reason());
        }
        return new IdentityCheck.Refused(StationRefusal.NOT_ENROLLED, claimed + " is not in the replica");
    }
}
