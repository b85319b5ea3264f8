package co.rtm.sim.chaos;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosPlanTest {
    @Test
    void theSameSeedDrawsTheSamePlanAndTheFirstFiveFaultsAreOneOfEachKind() {
        ChaosPlan plan = ChaosPlan.draw(7, 45_000, 2, 3);
        assertThat(ChaosPlan.draw(7, 45_000, 2, 3)).isEqualTo(plan);
        assertThat(ChaosPlan.draw(8, 45_000, 2, 3)).isNotEqualTo(plan);
        assertThat(plan.faults()).hasSizeGreaterThanOrEqualTo(5);
        EnumSet<ChaosPlan.Kind> firstFive = EnumSet.noneOf(ChaosPlan.Kind.class);
        plan.faults().subList(0, 5).forEach(f -> firstFive.add(f.kind()));
        assertThat(firstFive).isEqualTo(EnumSet.allOf(ChaosPlan.Kind.class));
    }

    @Test
    void faultsDoNotOverlapAndStayWithinTheDurationAndTheTargets() {
        for (long seed = 1; seed <= 20; seed++) {
            ChaosPlan plan = ChaosPlan.draw(seed, 60_000, 2, 3);
            long free = 0;
            for (ChaosPlan.Fault f : plan.faults()) {
                assertThat(f.atMs()).isGreaterThanOrEqualTo(free).isLessThan(60_000);
                free = f.atMs() + f.downMs();
                int targets = switch (f.kind()) {
                    case KILL_HUB, HALT_HUB_AFTER_COMMIT -> 2;
                    case KILL_AGENT, FLOOD -> 3;
                    case KILL_BROKER -> 1;
                };
                assertThat(f.target()).isBetween(0, targets - 1);
            }
        }
    }
}
