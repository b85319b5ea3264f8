package co.rtm.profiles.exam.session;

import co.rtm.profiles.exam.ExamRefusal;
import co.rtm.profiles.exam.ExamRefused;
import co.rtm.profiles.exam.Identification;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExamSessionTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T08:00:00-05:00");

    static Identification id(char fill, OffsetDateTime at) {
        return new Identification(String.valueOf(fill).repeat(64), 87.5, String.valueOf((char) (fill + 1)).repeat(64), at,
                "0".repeat(64));
    }

    private static ExamRefusal refusalOf(Runnable r) {
        return catchThrowableOfType(r::run, ExamRefused.class).refusal();
    }

    @Test
    void bookedIdentifiedInProgressClosed() {
        ExamSession s = ExamSession.booked().identify(id('a', T0)).start(T0.plusMinutes(1)).close(id('a', T0.plusMinutes(40)));
        assertThat(s.state()).isEqualTo(ExamState.CLOSED);
        assertThat(s.closing().at()).isEqualTo(T0.plusMinutes(40));
    }

    @Test
    void aSuspendedExamRestartsOnlyFromANewIdentification() {
        ExamSession suspended = ExamSession.booked().identify(id('a', T0)).start(T0.plusMinutes(1)).suspend(T0.plusMinutes(10));
        assertThat(suspended.state()).isEqualTo(ExamState.SUSPENDED);
        assertThat(refusalOf(() -> suspended.start(T0.plusMinutes(11)))).isEqualTo(ExamRefusal.NEW_IDENTIFICATION_REQUIRED);
        assertThat(refusalOf(() -> suspended.close(id('a', T0.plusMinutes(11))))).isEqualTo(ExamRefusal.NEW_IDENTIFICATION_REQUIRED);
        // the identification of before the suspension, replayed, is not new
        assertThat(refusalOf(() -> suspended.identify(id('a', T0)))).isEqualTo(ExamRefusal.NEW_IDENTIFICATION_REQUIRED);
        assertThat(refusalOf(() -> suspended.identify(id('c', T0.plusMinutes(9))))).isEqualTo(ExamRefusal.NEW_IDENTIFICATION_REQUIRED);
        ExamSession again = suspended.identify(id('c', T0.plusMinutes(12)));
        assertThat(again.state()).isEqualTo(ExamState.IDENTIFIED);
        assertThat(again.start(T0.plusMinutes(13)).state()).isEqualTo(ExamState.IN_PROGRESS);
        assertThat(again.suspensions()).isEqualTo(1);
    }

    @Test
    void stepsOutsideTheDiagramAreInvalid() {
        ExamSession booked = ExamSession.booked();
        assertThat(refusalOf(() -> booked.start(T0))).isEqualTo(ExamRefusal.INVALID_TRANSITION);
        assertThat(refusalOf(() -> booked.close(id('a', T0)))).isEqualTo(ExamRefusal.INVALID_TRANSITION);
        ExamSession identified = booked.identify(id('a', T0));
        assertThat(refusalOf(() -> identified.identify(id('b', T0)))).isEqualTo(ExamRefusal.INVALID_TRANSITION);
        ExamSession closed = identified.start(T0).close(id('a', T0.plusMinutes(30)));
        assertThat(refusalOf(() -> closed.suspend(T0.plusMinutes(31)))).isEqualTo(ExamRefusal.INVALID_TRANSITION);
        assertThat(refusalOf(() -> closed.identify(id('b', T0.plusMinutes(31))))).isEqualTo(ExamRefusal.INVALID_TRANSITION);
    }
}
