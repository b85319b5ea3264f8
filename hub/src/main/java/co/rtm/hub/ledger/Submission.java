package co.rtm.hub.ledger;

import co.rtm.profiles.vehicle.VehicleKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A verified, re-scored result ready to be recorded. {@code envelope} is the signed envelope exactly
 * as received; {@code payloadJson} its payload; {@code testedAt} the station's clock; {@code subject}
 * the plate (inspection) or document number (exam). {@code startedAt} is when the inspection (or exam)
 * started, on the station's clock: opening hours and capacity are judged on it. {@code vehicleKind} is the
 * inspected vehicle's kind, null for an exam. {@code retest} is what a retest claims (art. 3.3.5.3), null for a
 * first inspection or an exam. {@code seriesPrints} fingerprint the raw instrument series of an inspection, one
 * per test, for the series-reuse check (empty without evidence). {@code inspectors} are the documents the
 * inspection names as its inspectors (empty for an exam or when it names none). The array is not copied.
 */
public record Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                         ResultType type, String subject, Verdict verdict, Instant testedAt,
                         byte[] envelope, String payloadJson, Instant startedAt, VehicleKind vehicleKind,
                         RetestRequest retest, List<SeriesPrint> seriesPrints, List<String> inspectors) {
    public Submission {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(testedAt, "testedAt");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(startedAt, "startedAt");
        seriesPrints = seriesPrints == null ? List.of() : List.copyOf(seriesPrints);
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    /** Naming no inspectors. */
    public Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                      ResultType type, String subject, Verdict verdict, Instant testedAt,
                      byte[] envelope, String payloadJson, Instant startedAt, VehicleKind vehicleKind,
                      RetestRequest retest, List<SeriesPrint> seriesPrints) {
        this(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt, envelope, payloadJson,
                startedAt, vehicleKind, retest, seriesPrints, List.of());
    }

    /** Not a retest, with series fingerprints. */
    public Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                      ResultType type, String subject, Verdict verdict, Instant testedAt,
                      byte[] envelope, String payloadJson, Instant startedAt, VehicleKind vehicleKind,
                      List<SeriesPrint> seriesPrints) {
        this(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt, envelope, payloadJson,
                startedAt, vehicleKind, null, seriesPrints);
    }

    /** A retest claim (null for none), without series fingerprints. */
    public Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                      ResultType type, String subject, Verdict verdict, Instant testedAt,
                      byte[] envelope, String payloadJson, Instant startedAt, VehicleKind vehicleKind,
                      RetestRequest retest) {
        this(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt, envelope, payloadJson,
                startedAt, vehicleKind, retest, List.of());
    }

    /** Not a retest, without series fingerprints. */
    public Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                      ResultType type, String subject, Verdict verdict, Instant testedAt,
                      byte[] envelope, String payloadJson, Instant startedAt, VehicleKind vehicleKind) {
        this(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt, envelope, payloadJson,
                startedAt, vehicleKind, null, List.of());
    }

    /** Started when tested, vehicle kind unknown (not checked against the centre's class). */
    public Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                      ResultType type, String subject, Verdict verdict, Instant testedAt,
                      byte[] envelope, String payloadJson) {
        this(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt, envelope, payloadJson,
                testedAt, null, null, List.of());
    }

    public Submission startingAt(Instant started, VehicleKind kind) {
        return new Submission(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt,
                envelope, payloadJson, started, kind, retest, seriesPrints, inspectors);
    }

    /** The same submission claiming to be a retest; null for none. */
    public Submission asRetest(RetestRequest request) {
        return new Submission(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt,
                envelope, payloadJson, startedAt, vehicleKind, request, seriesPrints, inspectors);
    }

    public Submission withSeriesPrints(List<SeriesPrint> prints) {
        return new Submission(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt,
                envelope, payloadJson, startedAt, vehicleKind, retest, prints, inspectors);
    }

    /** The same submission naming these inspectors (documents, as the message wrote them). */
    public Submission withInspectors(List<String> names) {
        return new Submission(messageId, centerId, stationId, keyVersion, seq, type, subject, verdict, testedAt,
                envelope, payloadJson, startedAt, vehicleKind, retest, seriesPrints, names);
    }
}
