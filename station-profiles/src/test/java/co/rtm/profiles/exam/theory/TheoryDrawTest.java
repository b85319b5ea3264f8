package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.TheoryBlueprint;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TheoryDrawTest {
    private static final TheoryBlueprint BLUEPRINT = Profiles.builtIn("cale-theory").orElseThrow().theory();
    private static final QuestionBank BANK = QuestionBank.synthetic();
    private static final TheoryDrawer DRAWER = new TheoryDrawer(BLUEPRINT, BANK);
    private static final String SEED = "00112233445566778899aabbccddeeff";

    @Test
    void hundredCandidatesInOneSessionNeverShareAnOrder() {
        SessionDraws session = new SessionDraws(DRAWER, TheoryDrawer.newSeed(new SecureRandom()));
        Set<List<String>> orders = new HashSet<>();
        Set<List<DrawnQuestion>> shown = new HashSet<>();
        LicenceCategory[] cats = LicenceCategory.values();
        for (int i = 0; i < 100; i++) {
            // most sit B1, as in a real room; the same category is the hard case for uniqueness
            TheoryDraw d = session.issue(session.nextSeat(), i % 5 == 0 ? cats[i % cats.length] : LicenceCategory.B1);
            assertThat(orders.add(d.questionIds())).as("order of seat %d", d.seat()).isTrue();
            assertThat(shown.add(d.questions())).isTrue();
        }
        assertThat(session.issued()).isEqualTo(100);
    }

    @Test
    void theOrderDiffersEvenWhenTwoSeatsDrawTheSameQuestions() {
        // the permutation alone differs between seats: with one question set, 1000 seats give 1000 orders
        Set<String> perms = new HashSet<>();
        for (int seat = 0; seat < 1000; seat++) perms.add(java.util.Arrays.toString(DRAWER.permutation(SEED, seat)));
        assertThat(perms).hasSize(1000);
    }

    @Test
    void aDrawIsReproducibleFromItsSeedSeatAndCategory() {
        TheoryDraw a = DRAWER.draw(SEED, 17, LicenceCategory.C2);
        TheoryDraw b = new TheoryDrawer(BLUEPRINT, QuestionBank.synthetic()).draw(SEED, 17, LicenceCategory.C2);
        assertThat(b).isEqualTo(a);
        assertThat(DRAWER.draw("ffeeddccbbaa99887766554433221100", 17, LicenceCategory.C2).questions()).isNotEqualTo(a.questions());
        assertThat(DRAWER.draw(SEED, 18, LicenceCategory.C2).questions()).isNotEqualTo(a.questions());
    }

    @Test
    void aDrawFollowsTheBlueprintAndTheCategory() {
        TheoryDraw d = DRAWER.draw(SEED, 3, LicenceCategory.A1);
        assertThat(d.questions()).hasSize(30);
        assertThat(new HashSet<>(d.questionIds())).hasSize(30);
        int[] perGroup = new int[4];
        for (DrawnQuestion q : d.questions()) {
            Question bankQ = BANK.question(q.id()).orElseThrow();
            assertThat(bankQ.appliesTo(LicenceCategory.A1)).isTrue();
            assertThat(q.optionOrder()).containsExactlyInAnyOrderElementsOf(bankQ.options().keySet());
            perGroup[bankQ.group().index()]++;
        }
        assertThat(perGroup).containsExactly(6, 9, 9, 6);
    }

    @Test
    void aSessionRefusesToIssueASeatTwice() {
        SessionDraws session = new SessionDraws(DRAWER, SEED);
        session.issue(0, LicenceCategory.B1);
        assertThatThrownBy(() -> session.issue(0, LicenceCategory.A2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("seat 0");
        assertThatThrownBy(() -> new SessionDraws(DRAWER, "not-hex")).hasMessageContaining("drawSeed");
    }
}
