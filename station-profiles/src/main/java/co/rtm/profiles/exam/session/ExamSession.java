package co.rtm.profiles.exam.session;

import co.rtm.profiles.exam.ExamRefusal;
import co.rtm.profiles.exam.ExamRefused;
import co.rtm.profiles.exam.Identification;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One exam session as an immutable state machine:
 * <pre>BOOKED -identify-> IDENTIFIED -start-> IN_PROGRESS -close-> CLOSED
 *                                 IN_PROGRESS/IDENTIFIED -suspend-> SUSPENDED -identify (new)-> IDENTIFIED</pre>
 * A suspended exam restarts from identification (art. 3.7.3.1.3, seed line 2559: the whole procedure of the
 * article restarts, payment excepted): {@code start} from SUSPENDED is refused with NEW_IDENTIFICATION_REQUIRED, and
 * so is an identification captured before the suspension or repeating an earlier capture. Every other step outside
 * the diagram is INVALID_TRANSITION. Each step returns a new session; refusals throw {@link ExamRefused}.
 */
public record ExamSession(ExamState state, Identification identification, Identification closing,
                          OffsetDateTime startedAt, OffsetDateTime suspendedAt, int suspensions) {
    public ExamSession {
        Objects.requireNonNull(state, "state");
    }

    public static ExamSession booked() {
        return new ExamSession(ExamState.BOOKED, null, null, null, null, 0);
    }

    public ExamSession identify(Identification id) {
        Objects.requireNonNull(id, "identification");
        return switch (state) {
            case BOOKED -> new ExamSession(ExamState.IDENTIFIED, id, null, null, null, suspensions);
            case SUSPENDED -> {
                if (!id.at().isAfter(suspendedAt) || id.equals(identification)
                        || id.templateHash().equals(identification.templateHash()) && id.photoHash().equals(identification.photoHash())) {
                    throw new ExamRefused(ExamRefusal.NEW_IDENTIFICATION_REQUIRED, "the identification must be captured anew after the suspension at " + suspendedAt);
                }
                yield new ExamSession(ExamState.IDENTIFIED, id, null, null, null, suspensions);
            }
            default -> throw invalid("identify");
        };
    }

    public ExamSession start(OffsetDateTime at) {
        return switch (state) {
            case IDENTIFIED -> new ExamSession(ExamState.IN_PROGRESS, identification, null, Objects.requireNonNull(at, "at"), null, suspensions);
            case SUSPENDED -> throw new ExamRefused(ExamRefusal.NEW_IDENTIFICATION_REQUIRED, "a suspended exam restarts from identification");
            default -> throw invalid("start");
        };
    }

    public ExamSession suspend(OffsetDateTime at) {
        return switch (state) {
            case IDENTIFIED, IN_PROGRESS -> new ExamSession(ExamState.SUSPENDED, identification, null, startedAt, Objects.requireNonNull(at, "at"), suspensions + 1);
            default -> throw invalid("suspend");
        };
    }

    /** Closing needs the candidate's fingerprint again (art. 3.7.3.1.4, seed line 2567). */
    public ExamSession close(Identification closingId) {
        Objects.requireNonNull(closingId, "closing identification");
        return switch (state) {
            case IN_PROGRESS -> {
                if (closingId.at().isBefore(startedAt)) throw new ExamRefused(ExamRefusal.INVALID_TRANSITION, "closing identification precedes the start");
                yield new ExamSession(ExamState.CLOSED, identification, closingId, startedAt, null, suspensions);
            }
            case SUSPENDED -> throw new ExamRefused(ExamRefusal.NEW_IDENTIFICATION_REQUIRED, "a suspended exam restarts from identification");
            default -> throw invalid("close");
        };
    }

    private ExamRefused invalid(String step) {
        return new ExamRefused(ExamRefusal.INVALID_TRANSITION, "cannot " + step + " an exam that is " + state);
    }
}
