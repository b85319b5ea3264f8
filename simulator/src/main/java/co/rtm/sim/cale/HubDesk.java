package co.rtm.sim.cale;

import co.rtm.hub.exam.Bookings;
import co.rtm.hub.exam.CandidateCertificates;
import co.rtm.hub.store.Database;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.CertificateKind;
import co.rtm.profiles.exam.eligibility.Eligibility;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CALE's reception desk as the hub sees it: books each candidate's turns and puts the CRC and CEA certificates
 * the exam needs (art. 3.7.3.1.2) on record, through the hub's own {@link Bookings} and {@link CandidateCertificates}
 * (what {@code hub book-exam} and {@code hub record-certificate} do). The turn id it returns is what the candidate's
 * terminal (theory) or the examiner's console (practical) presents to the station, which copies it into the signed
 * exam message; the hub then finds the booking by (CALE, turn id).
 */
public final class HubDesk {
    /** Who the bookings and certificates are recorded by (audit). */
    public static final String BY = "simulator";

    private final Bookings bookings;
    private final CandidateCertificates certificates;
    private final Clock clock;
    private final String centerId;
    private final String prefix;
    private final AtomicLong turns = new AtomicLong();
    private final Set<String> certified = new HashSet<>();

    /** @param prefix distinguishes this desk's turn and certificate numbers from another run's at the same hub */
    public HubDesk(Database db, Clock clock, String centerId, String prefix) {
        this.bookings = new Bookings(db, clock);
        this.certificates = new CandidateCertificates(db, clock);
        this.clock = clock;
        this.centerId = centerId;
        this.prefix = prefix;
    }

    /**
     * How far ahead of the booking (made as the candidate checks in) the turn starts: more than the 30 minutes the
     * candidate must arrive before it (art. 3.7.3.1.2), which the hub checks against the station's arrival time.
     */
    public static final Duration TURN_AHEAD = Duration.ofMinutes(45);

    /**
     * Books a first-issue turn of {@code part} for the candidate's document and category, starting {@link #TURN_AHEAD}
     * from now (the candidate is at the CALE now); returns its id.
     */
    public String book(SyntheticCandidate c, ExamPart part) {
        String turn = (part == ExamPart.THEORY ? "T-" : "P-") + prefix + "-" + turns.incrementAndGet();
        bookings.book(centerId, turn, c.document(), c.category(), part, Procedure.FIRST_ISSUE, false,
                clock.instant().plus(TURN_AHEAD), BY);
        return turn;
    }

    /**
     * Records a CRC and a CEA certificate for the candidate's document and category, issued 20 days before today
     * (Bogotá), once per document and category.
     */
    public synchronized void certify(SyntheticCandidate c) {
        String key = c.document().text() + "/" + c.category();
        if (!certified.add(key)) {
            return;
        }
        LocalDate issued = LocalDate.now(clock.withZone(Eligibility.BOGOTA)).minusDays(20);
        String number = prefix + "-" + c.document().number() + "-" + c.category();
        certificates.record(new Certificate(CertificateKind.CRC, "CRC-" + number, c.document(), c.category(), issued, null), BY);
        certificates.record(new Certificate(CertificateKind.CEA, "CEA-" + number, c.document(), c.category(), issued,
                issued.plusYears(1)), BY);
    }
}
