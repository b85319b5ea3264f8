package co.rtm.hub.documents;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.Receipt;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.ledger.Verdict;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Signed inspection messages from the example document, accepted through the ledger as ingestion would. */
final class Inspections {
    static final Scorer SCORER = Scorer.builtIn();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SigningKey LANE_KEY = Ed25519Keys.generate("lane-1#1");

    private Inspections() {
    }

    /** The example light-vehicle gasoline document (APPROVED on cda-light) with this plate. */
    static ObjectNode approved(String plate) throws Exception {
        ObjectNode input = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
        ((ObjectNode) input.get("vehicle")).put("plate", plate);
        return input;
    }

    /** The example with worn tyres and a dirty engine: REJECTED. */
    static ObjectNode rejected(String plate) throws Exception {
        ObjectNode input = approved(plate);
        ObjectNode m = (ObjectNode) input.get("measurements");
        ArrayNode tread = ((ObjectNode) m.get("tyres")).putArray("treadDepthsMm");
        List.of(0.5, 0.6, 0.5, 0.7).forEach(tread::add);
        ((ObjectNode) m.get("gas").get("idle")).put("coPct", 6.0);
        return input;
    }

    static ScoreResult score(ObjectNode input) {
        return SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
    }

    /** Accepts the inspection on CDA-1/lane-1 with seq {@code seq}; the receipt carries its numbers. */
    static Receipt accept(Ledger ledger, long seq, ObjectNode input, String... inspectors) {
        ScoreResult score = score(input);
        OffsetDateTime tested = OffsetDateTime.parse(input.get("testedAt").asText());
        MessageHeader h = new MessageHeader(UUID.randomUUID(), "CDA-1", "lane-1", seq, "boot-1", tested.plusMinutes(1));
        InspectionMessage m = InspectionMessage.of(h, "cda-light@1", tested.minusMinutes(20), List.of(inspectors), null,
                input, score);
        byte[] payload = Json.write(m);
        byte[] envelope = Envelope.sign(payload, InspectionMessage.TYPE, LANE_KEY);
        Submission s = new Submission(m.messageId().toString(), "CDA-1", "lane-1", 1, seq, ResultType.INSPECTION,
                input.get("vehicle").get("plate").asText(), Verdict.valueOf(score.verdict().name()), tested.toInstant(),
                envelope, new String(payload, StandardCharsets.UTF_8), m.startedAt().toInstant(), VehicleKind.LIGHT)
                .withInspectors(List.of(inspectors));
        Outcome outcome = ledger.accept(s);
        if (!(outcome instanceof Outcome.Accepted accepted)) {
            throw new AssertionError("not accepted: " + outcome);
        }
        return accepted.receipt();
    }
}
