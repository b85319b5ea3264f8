package co.rtm.agent.inspection;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static co.rtm.agent.inspection.LaneProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SoundProcedureTest {

    @Test
    void theBlockIsTheMaximumOfThreeMeasurements() {
        SoundProcedure p = new SoundProcedure();
        assertThat(p.test()).isEqualTo(TestKind.NOISE);
        assertThat(p.prompt()).endsWith("1 de 3");
        assertThat(feed(p, reading(new Sample.SoundLevel(81.2)), reading(new Sample.SoundLevel(83.4)))).isFalse();
        assertThat(p.prompt()).endsWith("3 de 3");
        assertThat(p.accept(reading(new Sample.SoundLevel(82.0)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Noise(83.4)));
    }

    @Test
    void anExpiredMeterOrAFaultIsInvalid() {
        SoundProcedure p = new SoundProcedure(1);
        assertThat(p.accept(identity(LocalDate.of(2026, 11, 20)))).isFalse();
        assertThat(p.accept(fault(FaultKind.STUCK_VALUE))).isTrue();
        assertThat(p.outcome()).isInstanceOf(TestOutcome.Invalid.class);
        SoundProcedure q = new SoundProcedure(1);
        assertThat(q.accept(identity(LocalDate.of(2026, 11, 19)))).isTrue();
        assertThat(q.outcome()).isEqualTo(new TestOutcome.Invalid<>("calibración del sonómetro vencida el 2026-11-19"));
    }
}
