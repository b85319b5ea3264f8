package co.rtm.hub.exam;

import co.rtm.profiles.exam.ExamRefusal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reason codes the hub refuses an exam with, on top of the signed-path and ledger ones ({@code REPLAYED_SEQ},
 * {@code OUTSIDE_OPERATING_HOURS}...) and the re-scoring one ({@code VERDICT_MISMATCH}). Eligibility refusals keep the
 * names of {@link ExamRefusal} (CRC_CERTIFICATE_MISSING, FREE_RETAKE_EXPIRED, OTHER_CALE...).
 */
public final class ExamReasons {
    /** An exam from a station that is not a theory (or practical) station of a CALE. */
    public static final String EXAM_STATION_NOT_CALE = "EXAM_STATION_NOT_CALE";
    /** The exam names a turn the hub has no booking for at that CALE. */
    public static final String BOOKING_NOT_FOUND = "BOOKING_NOT_FOUND";
    /** The booked turn is for another candidate, category, part or procedure. */
    public static final String BOOKING_MISMATCH = "BOOKING_MISMATCH";
    /** Another accepted exam already used the booked turn. */
    public static final String BOOKING_ALREADY_USED = "BOOKING_ALREADY_USED";
    /** The (drawSeed, seat) of a theory exam was already used by an accepted exam (art. 3.7.3.1.3: a unique order). */
    public static final String DRAW_SEAT_REUSED = "DRAW_SEAT_REUSED";
    /** More theory exams at once at the CALE than its theory stations (DESIGN §4). */
    public static final String CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED";
    /**
     * The practical's identification was matched against another registry reference than the candidate's passed theory
     * exam (art. 3.7.3.2.1: identity checked against the theory exam).
     */
    public static final String IDENTITY_MISMATCH = "IDENTITY_MISMATCH";
    /** Alert kind: one fingerprint enrolled under two document numbers (DESIGN §6). */
    public static final String IMPERSONATION = "IMPERSONATION";

    private static final Set<String> EXAM_ONLY = Stream.concat(
            Stream.of(EXAM_STATION_NOT_CALE, BOOKING_NOT_FOUND, BOOKING_MISMATCH, BOOKING_ALREADY_USED, DRAW_SEAT_REUSED,
                    IDENTITY_MISMATCH),
            Arrays.stream(ExamRefusal.values()).map(Enum::name)).collect(Collectors.toUnmodifiableSet());

    private ExamReasons() {
    }

    /** Whether a stored reason code is one only exams are refused with (answered {@code EXAM_NOT_ELIGIBLE}). */
    public static boolean examOnly(String code) {
        return EXAM_ONLY.contains(code);
    }
}
