package co.rtm.agent.instruments;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodersTest {

    @Test
    void everyCallGivesAFreshDecoderSoStreamsNeverShareState() {
        for (InstrumentKind k : new InstrumentKind[]{InstrumentKind.LIGHTS, InstrumentKind.SUSPENSION,
                InstrumentKind.SIDESLIP, InstrumentKind.TREAD, InstrumentKind.SOUND,
                InstrumentKind.BRAKE, InstrumentKind.GAS, InstrumentKind.OPACITY}) {
            FrameDecoder a = Decoders.forKind(k);
            assertThat(a.kind()).isEqualTo(k);
            assertThat(Decoders.forKind(k)).isNotSameAs(a);
            assertThat(Decoders.baud(k)).isEqualTo(9600);
        }
        assertThat(Decoders.baud(InstrumentKind.GPS)).isEqualTo(4800);
    }

    @Test
    void fingerprintsAreNotAByteStreamDecoder() {
        assertThatThrownBy(() -> Decoders.forKind(InstrumentKind.FINGERPRINT)).isInstanceOf(IllegalStateException.class);
    }
}
