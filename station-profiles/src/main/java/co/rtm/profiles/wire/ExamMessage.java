package co.rtm.profiles.wire;

import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.person.DocumentId;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed {@code exam} message a CALE station sends (DESIGN §3, §6): the common header, then which exam
 * ({@code part}) on which profile, the candidate, licence category, procedure, the booked turn, the CALE, the
 * candidate's arrival (check-in) at the CALE, the hub judges it against the turn's start (art. 3.7.3.1.2), the
 * identification at the start and at the close (art. 3.7.3.1.3-4, 3.7.3.2.1), when it started and closed, exactly
 * one of {@code theory} or {@code practical} matching {@code part}, and the claimed score and verdict. The hub
 * re-scores the content ({@code co.rtm.profiles.exam.review.ExamReviewer}) and refuses a verdict that does not follow.
 */
public record ExamMessage(UUID messageId, String centerId, String stationId, long seq, String bootId,
                          OffsetDateTime createdAt, ExamPart part, String profile, DocumentId candidate,
                          LicenceCategory category, Procedure procedure, String turnId, String cale,
                          OffsetDateTime arrivedAt, Identification identification, Identification closingIdentification,
                          OffsetDateTime startedAt, OffsetDateTime closedAt, ExamTheory theory,
                          ExamPractical practical, ExamClaim claim)
        implements StationMessage {

    public static final String TYPE = "exam";

    public ExamMessage {
        new MessageHeader(messageId, centerId, stationId, seq, bootId, createdAt);
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(procedure, "procedure");
        Ids.requireSafe(turnId, "turnId");
        Ids.requireSafe(cale, "cale");
        if (!cale.equals(centerId)) throw new IllegalArgumentException("cale " + Ids.quote(cale) + " must be the sending centre " + Ids.quote(centerId));
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(identification, "identification");
        if (arrivedAt.isAfter(identification.at())) throw new IllegalArgumentException("arrivedAt is after identification.at");
        Objects.requireNonNull(closingIdentification, "closingIdentification");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (closedAt.isBefore(startedAt)) throw new IllegalArgumentException("closedAt is before startedAt");
        if (identification.at().isAfter(startedAt)) throw new IllegalArgumentException("identification.at is after startedAt");
        if (closingIdentification.at().isBefore(startedAt)) throw new IllegalArgumentException("closingIdentification.at is before startedAt");
        switch (part) {
            case THEORY -> {
                if (theory == null || practical != null) throw new IllegalArgumentException("a THEORY exam carries 'theory' and no 'practical'");
            }
            case PRACTICAL -> {
                if (practical == null || theory != null) throw new IllegalArgumentException("a PRACTICAL exam carries 'practical' and no 'theory'");
                if (practical.examiner().equals(candidate) || practical.reporter().equals(candidate)) {
                    throw new IllegalArgumentException("the candidate cannot be the examiner or the reporter");
                }
            }
        }
        Objects.requireNonNull(claim, "claim");
    }

    public static ExamMessage theory(MessageHeader h, String profile, DocumentId candidate, LicenceCategory category,
                                     Procedure procedure, String turnId, OffsetDateTime arrivedAt, Identification start, Identification close,
                                     OffsetDateTime startedAt, OffsetDateTime closedAt, ExamTheory theory, ExamClaim claim) {
        return new ExamMessage(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(), ExamPart.THEORY,
                profile, candidate, category, procedure, turnId, h.centerId(), arrivedAt, start, close, startedAt, closedAt, theory, null, claim);
    }

    public static ExamMessage practical(MessageHeader h, String profile, DocumentId candidate, LicenceCategory category,
                                        Procedure procedure, String turnId, OffsetDateTime arrivedAt, Identification start, Identification close,
                                        OffsetDateTime startedAt, OffsetDateTime closedAt, ExamPractical practical, ExamClaim claim) {
        return new ExamMessage(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(), ExamPart.PRACTICAL,
                profile, candidate, category, procedure, turnId, h.centerId(), arrivedAt, start, close, startedAt, closedAt, null, practical, claim);
    }
}
