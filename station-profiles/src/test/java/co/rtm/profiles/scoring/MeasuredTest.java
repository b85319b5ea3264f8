package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.Profiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The FUR's measurement list: every judged item with its limit, the same score as {@link Scorer#score}. */
class MeasuredTest {

    private static Scored scored(Docs d) {
        ScoringInput in = Docs.READER.read(d.json());
        return Docs.SCORER.scoreWithMeasurements(in, Profiles.defaultLaneFor(in.vehicle().kind()));
    }

    @Test
    void aPassingVehicleListsEveryTestItemAsPassedAndScoresAsBefore() {
        Docs d = Docs.light();
        Scored s = scored(d);
        assertThat(s.score()).isEqualTo(d.score());
        assertThat(s.measured()).allMatch(Measured::passed);
        assertThat(s.measured()).extracting(Measured::test).contains(TestKind.BRAKES, TestKind.SUSPENSION,
                TestKind.LIGHTS, TestKind.TYRES, TestKind.GAS);
        assertThat(s.measured()).filteredOn(m -> m.quantity().equals("brakes.serviceEfficiencyPct")).singleElement()
                .satisfies(m -> {
                    assertThat(m.value()).isEqualTo(60.0);
                    assertThat(m.limit()).isEqualTo(50.0);
                    assertThat(m.limitText()).isEqualTo("≥ 50");
                });
    }

    @Test
    void aFailedItemCarriesTheDefectItRaisedAndTheLimitTheDefectNames() {
        Docs d = Docs.light().brake(0, "serviceLeftN", 1000).brake(0, "serviceRightN", 1000)
                .brake(1, "serviceLeftN", 1000).brake(1, "serviceRightN", 1000);
        Scored s = scored(d);
        Defect efficiency = s.score().defects().stream().filter(x -> x.code().equals("1.1.7.30.1")).findFirst().orElseThrow();
        assertThat(s.measured()).filteredOn(m -> !m.passed()).anySatisfy(m -> {
            assertThat(m.defectCode()).isEqualTo(efficiency.code());
            assertThat(m.value()).isEqualTo(efficiency.measured());
            assertThat(m.limit()).isEqualTo(efficiency.limit());
        });
    }
}
