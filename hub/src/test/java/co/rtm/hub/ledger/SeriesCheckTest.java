package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesCheckTest {
    @Test
    void exactlyOneToNIsClean() {
        assertThat(SeriesCheck.check(new long[] {3, 1, 2}, 4L)).isEqualTo(new SeriesCheck.Findings(0, 0));
        assertThat(SeriesCheck.check(new long[0], 1L).clean()).isTrue();
        assertThat(SeriesCheck.check(new long[0], null).clean()).isTrue();
    }

    @Test
    void missingNumbersAndABumpedCounterAreGaps() {
        assertThat(SeriesCheck.check(new long[] {1, 3}, 4L)).isEqualTo(new SeriesCheck.Findings(1, 0));
        assertThat(SeriesCheck.check(new long[] {1, 2, 3}, 6L)).isEqualTo(new SeriesCheck.Findings(2, 0));
    }

    @Test
    void repeatsAndNumbersBeyondTheCounterAreDuplicates() {
        assertThat(SeriesCheck.check(new long[] {1, 2, 2, 2}, 3L)).isEqualTo(new SeriesCheck.Findings(0, 2));
        assertThat(SeriesCheck.check(new long[] {1, 2, 3}, 2L)).isEqualTo(new SeriesCheck.Findings(0, 2));
        assertThat(SeriesCheck.check(new long[] {1, 2}, null)).isEqualTo(new SeriesCheck.Findings(0, 2));
        assertThat(SeriesCheck.check(new long[] {0, 1}, 2L)).isEqualTo(new SeriesCheck.Findings(0, 1));
    }
}
