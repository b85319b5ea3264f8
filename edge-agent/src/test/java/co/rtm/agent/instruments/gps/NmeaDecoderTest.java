package co.rtm.agent.instruments.gps;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.GpsFix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NmeaDecoderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A GPSD capture with its comment lines (the submitter's, not the receiver's) removed, line ends kept. */
    static byte[] capture(String name) throws IOException {
        try (InputStream in = NmeaDecoderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            StringBuilder kept = new StringBuilder();
            for (String line : text.split("(?<=\n)")) {
                if (!line.startsWith("#")) {
                    kept.append(line);
                }
            }
            return kept.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    static List<InstrumentEvent> decode(byte[] bytes) {
        NmeaDecoder d = new NmeaDecoder();
        List<InstrumentEvent> out = new ArrayList<>();
        d.feed(bytes, 0, bytes.length, T0, out::add);
        d.endOfStream(T0, out::add);
        return out;
    }

    static List<InstrumentEvent> decode(String text) {
        return decode(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static List<GpsFix> fixes(List<InstrumentEvent> events) {
        return events.stream().filter(Reading.class::isInstance)
                .map(e -> (GpsFix) ((Reading) e).sample()).toList();
    }

    static List<Fault> faults(List<InstrumentEvent> events) {
        return events.stream().filter(Fault.class::isInstance).map(Fault.class::cast).toList();
    }

    /** A sentence with its checksum computed, CR LF ended. */
    static String nmea(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return String.format("$%s*%02X\r\n", body, sum);
    }

    // --- real captures -----------------------------------------------------------------------------------

    @Test
    void gp320fwCaptureGivesOneFixPerEpochAndTheFirstMatchesItsSentences() throws IOException {
        List<InstrumentEvent> events = decode(capture("gp-320fw-2019-04-06-overflow.log"));

        assertThat(faults(events)).isEmpty();
        List<GpsFix> fixes = fixes(events);
        assertThat(fixes).hasSize(20);
        // $GPRMC,235724.02,A,4808.9978,N,01135.0800,E,000.0,000.0,060419,...
        // $GPGGA,235724.02,4808.9978,N,01135.0800,E,1,04,01.4,00464.4,M,...
        GpsFix first = fixes.get(0);
        assertThat(first.deviceTime()).isEqualTo(Instant.parse("2019-04-06T23:57:24.020Z"));
        assertThat(first.lat()).isCloseTo(48 + 8.9978 / 60, within(1e-9));
        assertThat(first.lon()).isCloseTo(11 + 35.0800 / 60, within(1e-9));
        assertThat(first.altitudeM()).isEqualTo(464.4);
        assertThat(first.speedKmh()).isEqualTo(0.0);
        assertThat(first.courseDeg()).isEqualTo(0.0);
        assertThat(first.quality()).isEqualTo(1);
        assertThat(first.satellites()).isEqualTo(4);
        assertThat(first.hdop()).isEqualTo(1.4);
        assertThat(fixes).extracting(GpsFix::deviceTime).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void neoM8nGnssTalkerIsReadAndAMissingCourseStaysNaN() throws IOException {
        List<InstrumentEvent> events = decode(capture("neo-m8n.log"));

        assertThat(faults(events)).isEmpty();
        List<GpsFix> fixes = fixes(events);
        assertThat(fixes).hasSize(23);
        // $GNRMC,171926.00,A,4404.14063,N,12118.85478,W,0.117,,180315,,,A
        // $GNGGA,171926.00,4404.14063,N,12118.85478,W,1,12,0.91,1147.2,M,-21.3,M,,
        GpsFix first = fixes.get(0);
        assertThat(first.deviceTime()).isEqualTo(Instant.parse("2015-03-18T17:19:26Z"));
        assertThat(first.lat()).isCloseTo(44 + 4.14063 / 60, within(1e-9));
        assertThat(first.lon()).isCloseTo(-(121 + 18.85478 / 60), within(1e-9));
        assertThat(first.speedKmh()).isCloseTo(0.117 * 1.852, within(1e-9));
        assertThat(first.courseDeg()).isNaN();
        assertThat(first.satellites()).isEqualTo(12);
        assertThat(first.hdop()).isEqualTo(0.91);
        assertThat(first.altitudeM()).isEqualTo(1147.2);
    }

    @Test
    void beidouCaptureEmitsNothingWhileTheReceiverHasNoFix() throws IOException {
        NmeaDecoder d = new NmeaDecoder();
        List<InstrumentEvent> events = new ArrayList<>();
        byte[] bytes = capture("beidou-gb.log");
        d.feed(bytes, 0, bytes.length, T0, events::add);
        d.endOfStream(T0, events::add);

        assertThat(faults(events)).isEmpty();
        // three epochs with RMC status V and GGA quality 0, then two with a fix
        assertThat(d.noFixSentences()).isEqualTo(6);
        List<GpsFix> fixes = fixes(events);
        assertThat(fixes).hasSize(2);
        // $GPGGA,053232.438,3114.8789,N,12135.2442,E,1,06,1.2,153.8,M,...
        assertThat(fixes.get(0).deviceTime()).isEqualTo(Instant.parse("2015-03-02T05:32:32.438Z"));
        assertThat(fixes.get(0).lat()).isCloseTo(31 + 14.8789 / 60, within(1e-9));
        assertThat(fixes.get(0).lon()).isCloseTo(121 + 35.2442 / 60, within(1e-9));
        assertThat(fixes.get(0).speedKmh()).isCloseTo(0.26 * 1.852, within(1e-9));
        assertThat(fixes.get(0).courseDeg()).isEqualTo(167.42);
    }

    @Test
    void mtkCaptureFaultsOnlyItsSentencesWithoutChecksumAndKeepsItsLongProprietaryOnes() throws IOException {
        NmeaDecoder d = new NmeaDecoder();
        List<InstrumentEvent> events = new ArrayList<>();
        byte[] bytes = capture("mtk-3301.log");
        d.feed(bytes, 0, bytes.length, T0, events::add);
        d.endOfStream(T0, events::add);

        // three $POLYN lines carry no checksum; the ~190-character $PMTKCHN lines are checked, not faulted
        assertThat(faults(events)).hasSize(3).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME);
            assertThat(f.detail()).contains("without checksum").contains("$POLYN");
        });
        assertThat(fixes(events)).hasSize(4);
        assertThat(fixes(events)).allSatisfy(f -> assertThat(f.quality()).isEqualTo(1));
    }

    @Test
    void sirfSecondGgaOfAnEpochDoesNotReplaceTheFirst() throws IOException {
        List<InstrumentEvent> events = decode(capture("sirfstarv-nmea.log"));

        assertThat(faults(events)).isEmpty();
        List<GpsFix> fixes = fixes(events);
        assertThat(fixes).hasSize(59);
        // $GPGGA,020935.000,...,1,08,0.9,1123.9,M  then  $GLGGA,020935.000,...,1,02,...
        assertThat(fixes.get(0).satellites()).isEqualTo(8);
        assertThat(fixes.get(0).deviceTime()).isEqualTo(Instant.parse("2019-02-05T02:09:35Z"));
    }

    @Test
    void feedingOneByteAtATimeGivesTheSameEventsAsOneBlock() throws IOException {
        for (String name : List.of("gp-320fw-2019-04-06-overflow.log", "neo-m8n.log", "mtk-3301.log",
                "beidou-gb.log")) {
            byte[] bytes = capture(name);
            NmeaDecoder d = new NmeaDecoder();
            List<InstrumentEvent> split = new ArrayList<>();
            for (int i = 0; i < bytes.length; i++) {
                d.feed(bytes, i, 1, T0, split::add);
            }
            d.endOfStream(T0, split::add);
            assertThat(split).as(name).isEqualTo(decode(bytes)).isNotEmpty();
        }
    }

    @Test
    void corruptingOneCharacterOfACaptureTurnsThatSentenceIntoAFaultNotAReading() throws IOException {
        String text = new String(capture("gp-320fw-2019-04-06-overflow.log"), StandardCharsets.US_ASCII);
        // first fix's latitude 4808.9978 -> 4818.9978 in the RMC only: the checksum no longer matches
        String corrupt = text.replaceFirst("235724.02,A,4808.9978", "235724.02,A,4818.9978");
        assertThat(corrupt).isNotEqualTo(text);

        List<InstrumentEvent> events = decode(corrupt);
        assertThat(faults(events)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_CHECKSUM));
        List<GpsFix> fixes = fixes(events);
        // the epoch still has its good GGA, so it is emitted at the GGA's position, not the corrupt one
        assertThat(fixes).hasSize(20);
        assertThat(fixes).allSatisfy(f -> assertThat(f.lat()).isLessThan(48.2));
    }

    // --- wire rules --------------------------------------------------------------------------------------

    private static final String RMC = "GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W";
    private static final String GGA = "GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,";

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r", "\n\r"})
    void anyLineEndEndsASentence(String eol) {
        String text = (nmea(RMC) + nmea(GGA)).replace("\r\n", eol);
        List<InstrumentEvent> events = decode(text);
        assertThat(faults(events)).isEmpty();
        assertThat(fixes(events)).singleElement().satisfies(f -> {
            assertThat(f.deviceTime()).isEqualTo(Instant.parse("1994-03-23T12:35:19Z"));
            assertThat(f.lat()).isCloseTo(48.1173, within(1e-9));
            assertThat(f.lon()).isCloseTo(11.516666667, within(1e-8));
            assertThat(f.speedKmh()).isCloseTo(22.4 * 1.852, within(1e-9));
            assertThat(f.altitudeM()).isEqualTo(545.4);
        });
    }

    @Test
    void fixLeavesAsSoonAsItsEpochHasRmcAndGgaWithoutWaitingForTheNextSecond() {
        NmeaDecoder d = new NmeaDecoder();
        List<InstrumentEvent> out = new ArrayList<>();
        byte[] rmc = nmea(RMC).getBytes(StandardCharsets.US_ASCII);
        byte[] gga = nmea(GGA).getBytes(StandardCharsets.US_ASCII);
        d.feed(rmc, 0, rmc.length, T0, out::add);
        assertThat(out).isEmpty();
        Instant later = T0.plusMillis(80);
        d.feed(gga, 0, gga.length, later, out::add);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(later));
    }

    @Test
    void rmcAloneIsEmittedWhenTheTimeChangesAndTakesSpeedFromVtgWhenRmcHasNone() {
        String text = nmea("GNRMC,010203.00,A,0436.000,N,07404.500,W,,,010126,,,A")
                + nmea("GNVTG,90.0,T,,M,10.0,N,18.5,K,A")
                + nmea("GPGSA,A,3,01,02,03,04,05,,,,,,,,1.8,1.1,1.5")
                + nmea("GNRMC,010204.00,A,0436.001,N,07404.500,W,,,010126,,,A");
        NmeaDecoder d = new NmeaDecoder();
        List<InstrumentEvent> out = new ArrayList<>();
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        d.feed(b, 0, b.length, T0, out::add);
        assertThat(fixes(out)).singleElement().satisfies(f -> {
            assertThat(f.lat()).isCloseTo(4.6, within(1e-9));
            assertThat(f.lon()).isCloseTo(-74.075, within(1e-9));
            assertThat(f.speedKmh()).isEqualTo(18.5);
            assertThat(f.courseDeg()).isEqualTo(90.0);
            assertThat(f.satellites()).isEqualTo(5);
            assertThat(f.hdop()).isEqualTo(1.1);
            assertThat(f.altitudeM()).isNaN();
            assertThat(f.quality()).isEqualTo(1);
        });
        d.endOfStream(T0, out::add);
        assertThat(fixes(out)).hasSize(2);
    }

    @Test
    void aVtgAfterALostRmcDoesNotLandOnThePreviousEpoch() {
        String text = nmea(RMC) + nmea(GGA)
                + nmea("GPGGA,123520,4807.040,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,")    // RMC of :20 lost
                + nmea("GPVTG,084.4,T,,M,050.0,N,092.6,K,A")                              // belongs to :21
                + nmea("GPRMC,123521,A,4807.042,N,01131.000,E,050.0,084.4,230394,003.1,W")
                + nmea("GPGGA,123521,4807.042,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,");
        List<GpsFix> fixes = fixes(decode(text));
        assertThat(fixes).hasSize(3);
        assertThat(fixes.get(1).deviceTime()).isEqualTo(Instant.parse("1994-03-23T12:35:20Z"));
        assertThat(fixes.get(1).speedKmh()).isNaN();
        assertThat(fixes.get(2).speedKmh()).isCloseTo(50 * 1.852, within(1e-9));
    }

    @Test
    void ggaAloneTakesTheLastRmcDate() {
        String text = nmea(RMC) + nmea(GGA)
                + nmea("GPGGA,123520,4807.040,S,01131.000,W,2,07,1.0,545.0,M,46.9,M,,");
        List<GpsFix> fixes = fixes(decode(text));
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(1).deviceTime()).isEqualTo(Instant.parse("1994-03-23T12:35:20Z"));
        assertThat(fixes.get(1).lat()).isNegative();
        assertThat(fixes.get(1).lon()).isNegative();
        assertThat(fixes.get(1).quality()).isEqualTo(2);
        assertThat(fixes.get(1).speedKmh()).isNaN();
    }

    @Test
    void voidRmcOrQualityZeroMakesTheWholeEpochSilent() {
        String voidRmc = RMC.replace(",A,", ",V,");
        String zeroGga = GGA.replace(",E,1,08,", ",E,0,08,");
        assertThat(decode(nmea(voidRmc) + nmea(GGA))).isEmpty();
        assertThat(decode(nmea(RMC) + nmea(zeroGga))).isEmpty();
    }

    @Test
    void badChecksumIsAFaultAndTheNextGoodSentenceIsStillRead() {
        String bad = "$" + RMC + "*4\r\n";
        String wrongSum = "$" + RMC + "*00\r\n";
        List<InstrumentEvent> events = decode(wrongSum + nmea(RMC) + nmea(GGA));
        assertThat(faults(events)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.BAD_CHECKSUM);
            assertThat(f.detail()).contains("GPRMC");
        });
        assertThat(fixes(events)).hasSize(1);
        assertThat(faults(decode(bad))).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
    }

    @Test
    void sentencesWithoutChecksumNeverBecomeReadings() {
        List<InstrumentEvent> events = decode("$" + RMC + "\r\n$" + GGA + "\r\n");
        assertThat(fixes(events)).isEmpty();
        assertThat(faults(events)).hasSize(2)
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
    }

    @Test
    void binaryGarbageBetweenAndInsideSentencesIsFaultedAndTheDecoderResynchronises() {
        byte[] garbage = {0x00, (byte) 0xff, 0x13, (byte) 0x85, 'x', 0x7f};
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(garbage);
        s.writeBytes("$GPRMC,1235".getBytes(StandardCharsets.US_ASCII));
        s.writeBytes(garbage); // inside a sentence
        s.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        s.writeBytes(nmea(RMC).getBytes(StandardCharsets.US_ASCII));
        s.writeBytes(garbage); // between sentences, no line end
        s.writeBytes(nmea(GGA).getBytes(StandardCharsets.US_ASCII));

        List<InstrumentEvent> events = decode(s.toByteArray());
        assertThat(faults(events)).hasSize(3).allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
        assertThat(fixes(events)).hasSize(1);
    }

    @Test
    void overlongLinesAreFaultedAndDoNotSwallowTheNextSentence() {
        String longStandard = nmea("GPGSV," + "1,".repeat(60) + "1");   // 126 characters, checksum good
        String runaway = "$GPGGA," + "9".repeat(400) + "\r\n";          // no end in sight
        List<InstrumentEvent> events = decode(longStandard + runaway + nmea(RMC) + nmea(GGA));
        assertThat(faults(events)).hasSize(2).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME);
            assertThat(f.detail()).contains("longer than");
        });
        assertThat(fixes(events)).hasSize(1);
    }

    @Test
    void aSentenceCutShortByTheNextDollarIsAFault() {
        List<InstrumentEvent> events = decode("$GPGGA,123519,4807.0" + nmea(RMC) + nmea(GGA));
        assertThat(faults(events)).singleElement().satisfies(f -> assertThat(f.detail()).contains("cut short"));
        assertThat(fixes(events)).hasSize(1);
    }

    @Test
    void aStreamEndingInsideASentenceReportsIt() {
        List<InstrumentEvent> events = decode(nmea(RMC) + "$GPGGA,1235");
        assertThat(faults(events)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("stream ended"));
        assertThat(fixes(events)).hasSize(1); // the RMC epoch is closed at end of stream
    }

    @Test
    void impossibleFieldsAreFaultsNotReadings() {
        List<InstrumentEvent> events = decode(nmea(RMC.replace("4807.038", "4867.038"))
                + nmea(GGA.replace("123519", "253519")));
        assertThat(faults(events)).hasSize(2).allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
        assertThat(fixes(events)).isEmpty();
    }

    @Test
    void otherTalkersAndSentenceTypesAreIgnoredSilently() {
        List<InstrumentEvent> events = decode(nmea(RMC.replace("GPRMC", "IIRMC"))
                + nmea("GPZDA,123519.00,23,03,1994,00,00") + nmea("PUBX,00,123519.00") + nmea("GPTXT,01,01,02,hello"));
        assertThat(events).isEmpty();
    }
}
