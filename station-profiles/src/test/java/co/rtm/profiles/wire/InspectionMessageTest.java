package co.rtm.profiles.wire;

import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionMessageTest {
    @Test
    void aSignedInspectionRoundTripsAndReScoresToTheSameVerdict() throws Exception {
        JsonNode input = new ObjectMapper().readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
        Scorer scorer = Scorer.builtIn();
        ScoreResult score = scorer.score(new ScoringInputReader(scorer.rules().catalogue()::contains).read(input, "input"));
        MessageHeader h = new MessageHeader(UUID.randomUUID(), "CDA-001", "lane-1", 7, "boot-1",
                OffsetDateTime.parse("2026-11-20T10:20:00-05:00"));
        InspectionMessage m = InspectionMessage.of(h, "cda-light@1", OffsetDateTime.parse("2026-11-20T10:05:00-05:00"),
                List.of("CC-1010"), null, input, score);
        SigningKey key = Ed25519Keys.generate("lane-1#1");
        Envelope env = Envelope.parse(Envelope.sign(Json.write(m), InspectionMessage.TYPE, key));
        assertThat(env.verify(key.verificationKey())).isTrue();
        InspectionMessage back = Json.read(env.payload(), InspectionMessage.class);
        assertThat(back).isEqualTo(m);
        assertThat(back.createdAt().getOffset().getId()).isEqualTo("-05:00");
        ScoreResult again = scorer.score(new ScoringInputReader(scorer.rules().catalogue()::contains).read(back.input(), "input"));
        assertThat(again).isEqualTo(back.score());
    }
}
