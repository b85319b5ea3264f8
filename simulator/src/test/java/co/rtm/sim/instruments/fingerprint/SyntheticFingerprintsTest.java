package co.rtm.sim.instruments.fingerprint;

import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.FingerprintCapture;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;
import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints.Placement;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticFingerprintsTest {

    private static final FingerprintExtractor EXTRACTOR = new FingerprintExtractor();

    static byte[] template(long person, Placement placement) {
        InstrumentEvent e = EXTRACTOR.fromImage(SyntheticFingerprints.png(person, placement), SyntheticFingerprints.DPI,
                Instant.EPOCH);
        assertThat(e).as("person %d", person).isInstanceOf(Reading.class);
        return ((FingerprintCapture) ((Reading) e).sample()).template();
    }

    @Test
    void imagesAreDeterministicPerPersonAndPlacement() {
        Placement p = Placement.random(3);
        assertThat(SyntheticFingerprints.gray(5, p)).isEqualTo(SyntheticFingerprints.gray(5, p));
        assertThat(SyntheticFingerprints.gray(5, p)).isNotEqualTo(SyntheticFingerprints.gray(6, p));
        assertThat(SyntheticFingerprints.gray(5, p)).isNotEqualTo(SyntheticFingerprints.gray(5, Placement.random(4)));
        assertThat(SyntheticFingerprints.gray(5, p)).hasSize(SyntheticFingerprints.WIDTH * SyntheticFingerprints.HEIGHT);
    }

    @Test
    void tenPersonsEachMatchTheirOwnRecaptureAndNobodyElse() {
        int n = 10;
        byte[][] enrolled = new byte[n][];
        byte[][] probe = new byte[n][];
        for (int p = 0; p < n; p++) {
            enrolled[p] = template(100 + p, Placement.EXACT);
            probe[p] = template(100 + p, Placement.random(500 + p));
        }
        double lowestGenuine = Double.MAX_VALUE;
        double highestImpostor = 0;
        for (int i = 0; i < n; i++) {
            FingerprintMatcher m = new FingerprintMatcher(probe[i]);
            for (int j = 0; j < n; j++) {
                double score = m.score(enrolled[j]).value();
                if (i == j) {
                    lowestGenuine = Math.min(lowestGenuine, score);
                } else {
                    highestImpostor = Math.max(highestImpostor, score);
                }
            }
        }
        assertThat(lowestGenuine).isGreaterThan(FingerprintMatcher.RECOMMENDED_THRESHOLD);
        assertThat(highestImpostor).isLessThan(FingerprintMatcher.RECOMMENDED_THRESHOLD);
    }
}
