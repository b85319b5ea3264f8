package co.rtm.agent.exam;

import co.rtm.profiles.exam.ExamRefused;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.exam.session.ExamSession;
import co.rtm.profiles.exam.theory.AnsweredQuestion;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.SessionDraws;
import co.rtm.profiles.exam.theory.TheoryDraw;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.exam.theory.TheoryResult;
import co.rtm.profiles.exam.theory.TheoryScorer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.profile.StationType;
import co.rtm.profiles.wire.ExamClaim;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.ExamTheory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CALE theory room for one session (one draw seed): each {@link #sit} is one candidate at one terminal.
 * <ol>
 * <li>the candidate enters the document; fingerprint + photo (the first identification is the arrival the message
 *     reports, art. 3.7.3.1.2), 1:1 against the replica and 1:N
 *     ({@link CandidateIdentifier}; art. 3.7.3.1.3 num. 1);</li>
 * <li>IDENTIFIED: the next seat of the room session is drawn ({@link SessionDraws}: an order unique in the room and
 *     session, art. 3.7.3.1.3, seed line 2548), IN_PROGRESS;</li>
 * <li>each question is shown and answered; a lost terminal, or the blueprint's time running out, suspends the exam
 *     (SUSPENDED keeps no answers: it restarts from identification on a new seat, art. 3.7.3.1.3, line 2559);</li>
 * <li>the candidate closes with the fingerprint again, which must match the same document (art. 3.7.3.1.4; three
 *     tries, then the exam is suspended);</li>
 * <li>{@link TheoryScorer}, and the signed {@code exam} message is stored in the outbox.</li>
 * </ol>
 * Several terminals may sit at once: the draws and the suspended sessions are shared under a lock.
 */
public final class TheoryExamStation {

    private static final Logger LOG = LoggerFactory.getLogger(TheoryExamStation.class);
    static final int CLOSING_TRIES = 3;

    private final StationProfile profile;
    private final TheoryDrawer drawer;
    private final TheoryScorer scorer;
    private final SessionDraws draws;
    private final CandidateIdentifier identifier;
    private final ExamPublisher publisher;
    private final Clock clock;
    private final Map<DocumentId, ExamSession> suspended = new HashMap<>();
    /** When each candidate first identified here: the check-in the hub judges against the turn (art. 3.7.3.1.2). */
    private final Map<DocumentId, OffsetDateTime> arrivals = new HashMap<>();

    public TheoryExamStation(StationProfile profile, QuestionBank bank, String drawSeed, CandidateIdentifier identifier,
                             ExamPublisher publisher, Clock clock) {
        if (profile.station() != StationType.CALE_THEORY) {
            throw new IllegalArgumentException("profile " + profile.ref() + " is not a CALE theory profile");
        }
        this.profile = profile;
        this.drawer = new TheoryDrawer(profile.theory(), bank);
        this.scorer = new TheoryScorer(profile.theory(), bank);
        this.draws = new SessionDraws(drawer, drawSeed);
        this.identifier = identifier;
        this.publisher = publisher;
        this.clock = clock;
    }

    public String drawSeed() {
        return draws.drawSeed();
    }

    /** Whether {@code document} has a suspended exam waiting for a new identification. */
    public synchronized boolean isSuspended(DocumentId document) {
        return suspended.containsKey(document);
    }

    /** One candidate's turn at {@code terminal}, fingerprints from {@code fingers}. */
    public ExamOutcome sit(CandidateTerminal terminal, FingerprintSource fingers) {
        Booking booking;
        try {
            booking = terminal.booking();
        } catch (TerminalLost e) {
            return new ExamOutcome.Suspended("terminal lost before the document was entered");
        }
        DocumentId doc = booking.document();
        ExamSession session;
        synchronized (this) {
            ExamSession waiting = suspended.remove(doc);
            session = waiting == null ? ExamSession.booked() : waiting;
        }
        ExamSession before = session;
        Identification start;
        try {
            IdentityCheck check = identifier.identify(doc, fingers.capture("Ponga el dedo índice en el lector"));
            if (check instanceof IdentityCheck.Refused r) {
                return refuse(terminal, doc, before, r.refusal(), r.detail());
            }
            start = ((IdentityCheck.Identified) check).identification();
            session = session.identify(start);
            synchronized (this) {
                arrivals.putIfAbsent(doc, start.at());
            }
        } catch (TerminalLost e) {
            keep(doc, before);
            return new ExamOutcome.Suspended("terminal lost during identification");
        } catch (ExamRefused e) {
            return refuse(terminal, doc, before, StationRefusal.NEW_IDENTIFICATION_REQUIRED, e.getMessage());
        }
        int seat;
        TheoryDraw draw;
        synchronized (this) {
            seat = draws.nextSeat();
            draw = draws.issue(seat, booking.category());
        }
        OffsetDateTime startedAt = now();
        session = session.start(startedAt);
        OffsetDateTime deadline = startedAt.plus(Duration.ofMinutes(profile.theory().durationMinutes()));
        LOG.info("{} identified (score {}), seat {} of seed {}", doc, start.matchScore(), seat, draws.drawSeed());
        terminal.tell("Identificación correcta: " + draw.questions().size() + " preguntas, "
                + profile.theory().durationMinutes() + " minutos");
        List<AnsweredQuestion> answers = new ArrayList<>();
        int n = 0;
        for (DrawnQuestion q : draw.questions()) {
            n++;
            if (now().isAfter(deadline)) {
                return suspend(terminal, doc, session, "tiempo agotado (" + profile.theory().durationMinutes() + " minutos)");
            }
            String answer;
            try {
                answer = terminal.answer(n, draw.questions().size(), drawer.bank().question(q.id()).orElseThrow(), q);
            } catch (TerminalLost e) {
                return suspend(terminal, doc, session, "terminal perdida: " + e.getMessage());
            }
            if (answer != null && !q.optionOrder().contains(answer)) {
                answer = null; // a key not shown counts as unanswered
            }
            answers.add(AnsweredQuestion.of(q, answer));
        }
        if (now().isAfter(deadline)) {
            return suspend(terminal, doc, session, "tiempo agotado (" + profile.theory().durationMinutes() + " minutos)");
        }
        Identification closing = null;
        for (int i = 0; i < CLOSING_TRIES && closing == null; i++) {
            IdentityCheck check;
            try {
                check = identifier.reconfirm(doc, fingers.capture("Ponga el dedo para cerrar el examen"));
            } catch (TerminalLost e) {
                return suspend(terminal, doc, session, "terminal perdida al cerrar: " + e.getMessage());
            }
            if (check instanceof IdentityCheck.Identified id) {
                closing = id.identification();
            } else {
                IdentityCheck.Refused r = (IdentityCheck.Refused) check;
                terminal.refused(r.refusal() == StationRefusal.NO_MATCH ? StationRefusal.CLOSING_MISMATCH : r.refusal(),
                        r.refusal() == StationRefusal.NO_MATCH ? StationRefusal.CLOSING_MISMATCH.spanish() : r.refusal().spanish());
            }
        }
        if (closing == null) {
            return suspend(terminal, doc, session, StationRefusal.CLOSING_MISMATCH.spanish());
        }
        ExamSession closed0 = session.close(closing);
        TheoryResult result = scorer.score(answers);
        OffsetDateTime closedAt = closing.at();
        ExamTheory theory = new ExamTheory(drawer.bank().ref(), draws.drawSeed(), seat, answers);
        ExamClaim claim = new ExamClaim(result.correct(), result.total(), result.verdict(), result.failedGroups());
        Identification first = closed0.identification();
        OffsetDateTime arrivedAt;
        synchronized (this) {
            arrivedAt = arrivals.remove(doc);
        }
        ExamMessage stored = publisher.exam(h -> ExamMessage.theory(h, profile.ref(), doc, booking.category(),
                booking.procedure(), booking.turnId(), arrivedAt, first, closed0.closing(), startedAt, closedAt, theory, claim));
        if (stored == null) {
            terminal.refused(StationRefusal.NOT_STORED, StationRefusal.NOT_STORED.spanish());
            return new ExamOutcome.Refused(StationRefusal.NOT_STORED, "the outbox did not take the exam of " + doc);
        }
        LOG.info("theory exam of {} closed: {} {}/{}, failed groups {}", doc, result.verdict(), result.correct(),
                result.total(), result.failedGroups());
        ExamOutcome.Closed closed = new ExamOutcome.Closed(stored);
        terminal.result(closed);
        return closed;
    }

    private ExamOutcome refuse(CandidateTerminal terminal, DocumentId doc, ExamSession before, StationRefusal why,
                               String detail) {
        keep(doc, before);
        LOG.warn("{} refused: {} ({})", doc, why, detail);
        terminal.refused(why, why.spanish());
        return new ExamOutcome.Refused(why, detail);
    }

    private ExamOutcome suspend(CandidateTerminal terminal, DocumentId doc, ExamSession session, String reason) {
        keep(doc, session.suspend(now()));
        LOG.warn("theory exam of {} suspended: {}", doc, reason);
        terminal.suspended("Examen suspendido: " + reason + ". Se reinicia con una nueva identificación.");
        return new ExamOutcome.Suspended(reason);
    }

    private synchronized void keep(DocumentId doc, ExamSession session) {
        if (session.state() == co.rtm.profiles.exam.session.ExamState.SUSPENDED) {
            suspended.put(doc, session);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
