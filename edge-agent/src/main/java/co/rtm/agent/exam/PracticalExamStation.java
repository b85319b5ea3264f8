package co.rtm.agent.exam;

import co.rtm.profiles.exam.ExamRefused;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.practical.PracticalResult;
import co.rtm.profiles.exam.practical.PracticalScorer;
import co.rtm.profiles.exam.practical.RecordedFault;
import co.rtm.profiles.exam.session.ExamSession;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.profile.StationType;
import co.rtm.profiles.wire.ExamClaim;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.ExamPractical;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A CALE practical exam at the examiner's station: the candidate is identified at the start (fingerprint 1:1 and
 * 1:N, art. 3.7.3.2.1), the examiner records faults from the catalogue (art. 3.7.3.2.2), a staff member other than
 * the examiner reports the result (art. 3.7.3.2.3, seed line 2613: a report by the examiner is refused here and
 * another reporter is asked for), the candidate closes with the fingerprint, {@link PracticalScorer} scores, and the
 * signed {@code exam} message is stored in the outbox.
 */
public final class PracticalExamStation {

    private static final Logger LOG = LoggerFactory.getLogger(PracticalExamStation.class);

    private final StationProfile profile;
    private final FaultCatalogue catalogue;
    private final PracticalScorer scorer;
    private final CandidateIdentifier identifier;
    private final ExamPublisher publisher;
    private final Clock clock;

    public PracticalExamStation(StationProfile profile, FaultCatalogue catalogue, CandidateIdentifier identifier,
                                ExamPublisher publisher, Clock clock) {
        if (profile.station() != StationType.CALE_PRACTICAL) {
            throw new IllegalArgumentException("profile " + profile.ref() + " is not a CALE practical profile");
        }
        this.profile = profile;
        this.catalogue = catalogue;
        this.scorer = new PracticalScorer(profile.practical(), catalogue);
        this.identifier = identifier;
        this.publisher = publisher;
        this.clock = clock;
    }

    public ExamOutcome examine(PracticalConsole console, FingerprintSource fingers) {
        try {
            return run(console, fingers);
        } catch (TerminalLost e) {
            LOG.warn("practical exam suspended: console lost ({})", e.getMessage());
            return new ExamOutcome.Suspended("console lost: " + e.getMessage());
        }
    }

    private ExamOutcome run(PracticalConsole console, FingerprintSource fingers) throws TerminalLost {
        PracticalConsole.Start start = console.start();
        Booking booking = start.booking();
        DocumentId doc = booking.document();
        DocumentId examiner = start.examiner();
        if (examiner.equals(doc)) {
            return refuse(console, StationRefusal.EXAMINER_IS_CANDIDATE, examiner + " examines " + doc);
        }
        IdentityCheck check = identifier.identify(doc, fingers.capture("Candidato: ponga el dedo en el lector"));
        if (check instanceof IdentityCheck.Refused r) {
            return refuse(console, r.refusal(), r.detail());
        }
        Identification first = ((IdentityCheck.Identified) check).identification();
        ExamSession session;
        try {
            session = ExamSession.booked().identify(first);
        } catch (ExamRefused e) {
            return refuse(console, StationRefusal.NEW_IDENTIFICATION_REQUIRED, e.getMessage());
        }
        OffsetDateTime startedAt = now();
        session = session.start(startedAt);
        console.tell("Examen práctico iniciado: " + doc + ", categoría " + booking.category());
        List<RecordedFault> faults = new ArrayList<>();
        DocumentId reporter = null;
        while (reporter == null) {
            PracticalConsole.Entry entry = console.next();
            if (entry instanceof PracticalConsole.Entry.Fault f) {
                if (catalogue.fault(f.code()).isEmpty()) {
                    console.refused(StationRefusal.UNKNOWN_FAULT, StationRefusal.UNKNOWN_FAULT.spanish() + ": " + f.code());
                    continue;
                }
                faults.add(new RecordedFault(f.code(), now()));
            } else if (entry instanceof PracticalConsole.Entry.Report r) {
                if (r.reporter().equals(examiner)) {
                    LOG.warn("practical exam of {}: the examiner {} tried to report the result; refused", doc, examiner);
                    console.refused(StationRefusal.REPORTER_IS_EXAMINER, StationRefusal.REPORTER_IS_EXAMINER.spanish());
                } else if (r.reporter().equals(doc)) {
                    console.refused(StationRefusal.EXAMINER_IS_CANDIDATE, "El candidato no puede comunicar su propio resultado");
                } else {
                    reporter = r.reporter();
                }
            }
        }
        IdentityCheck closingCheck = identifier.reconfirm(doc, fingers.capture("Candidato: ponga el dedo para cerrar"));
        if (closingCheck instanceof IdentityCheck.Refused r) {
            return refuse(console, r.refusal() == StationRefusal.NO_MATCH ? StationRefusal.CLOSING_MISMATCH : r.refusal(), r.detail());
        }
        Identification closing = ((IdentityCheck.Identified) closingCheck).identification();
        ExamSession closed = session.close(closing);
        PracticalResult result = scorer.score(booking.category(), faults);
        ExamPractical practical = new ExamPractical(catalogue.ref(), examiner, reporter, faults);
        ExamClaim claim = new ExamClaim(result.points(), result.maxPoints(), result.verdict(), List.of());
        ExamMessage stored = publisher.exam(h -> ExamMessage.practical(h, profile.ref(), doc, booking.category(),
                booking.procedure(), booking.turnId(), closed.identification().at(), closed.identification(), closed.closing(), startedAt,
                closing.at(), practical, claim));
        if (stored == null) {
            return refuse(console, StationRefusal.NOT_STORED, "the outbox did not take the exam of " + doc);
        }
        LOG.info("practical exam of {} closed: {} {}/{}", doc, result.verdict(), result.points(), result.maxPoints());
        ExamOutcome.Closed out = new ExamOutcome.Closed(stored);
        console.result(out);
        return out;
    }

    private ExamOutcome refuse(PracticalConsole console, StationRefusal why, String detail) {
        LOG.warn("practical exam refused: {} ({})", why, detail);
        console.refused(why, why.spanish());
        return new ExamOutcome.Refused(why, detail);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
