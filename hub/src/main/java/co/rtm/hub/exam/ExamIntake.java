package co.rtm.hub.exam;

import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.review.ExamReview;
import co.rtm.profiles.exam.review.ExamReviewer;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns the verified payload of an {@code exam} message into a ledger submission, or refuses it: it must read as an
 * exam message whose ids are the topic's, and {@link ExamReviewer} must find its claimed score and verdict follow from
 * its content (re-drawn and re-scored). Pure, thread-safe; the station and key were checked before (SignatureGate).
 * The subject is the candidate's document; a NOT_APPROVED exam is stored REJECTED and takes no certificate number.
 */
public final class ExamIntake {
    /** The outcome: a submission, or a refusal with its wire reason. */
    public sealed interface Result {
    }

    public record Accept(Submission submission) implements Result {
    }

    public record Refuse(RejectReason reason, String detail) implements Result {
    }

    private final ExamReviewer reviewer;

    public ExamIntake(ExamReviewer reviewer) {
        this.reviewer = reviewer;
    }

    public Result check(String topicCenter, String topicStation, int keyVersion, byte[] payload, byte[] envelope) {
        ExamMessage m;
        try {
            m = Json.read(payload, ExamMessage.class);
        } catch (IOException e) {
            String text = String.valueOf(e.getMessage());
            return new Refuse(RejectReason.MALFORMED_PAYLOAD, "not an exam message: " + text.lines().findFirst().orElse(text));
        }
        if (!m.centerId().equals(topicCenter) || !m.stationId().equals(topicStation)) {
            return new Refuse(RejectReason.TOPIC_MISMATCH, "payload names " + m.centerId() + "/" + m.stationId()
                    + ", topic " + topicCenter + "/" + topicStation);
        }
        ExamReview review = reviewer.review(m);
        if (!review.claimFollows()) {
            String why = !review.problems().isEmpty() ? String.join("; ", review.problems())
                    : "claimed " + m.claim().score() + "/" + m.claim().outOf() + " " + m.claim().verdict() + " " + m.claim().failedGroups()
                    + ", re-scored " + review.recomputed().score() + "/" + review.recomputed().outOf() + " "
                    + review.recomputed().verdict() + " " + review.recomputed().failedGroups();
            return new Refuse(RejectReason.VERDICT_MISMATCH, why);
        }
        Verdict verdict = m.claim().verdict() == ExamVerdict.APPROVED ? Verdict.APPROVED : Verdict.REJECTED;
        return new Accept(new Submission(m.messageId().toString(), m.centerId(), m.stationId(), keyVersion, m.seq(),
                ResultType.EXAM, m.candidate().text(), verdict, m.closedAt().toInstant(), envelope,
                new String(payload, StandardCharsets.UTF_8), m.startedAt().toInstant(), null));
    }
}
