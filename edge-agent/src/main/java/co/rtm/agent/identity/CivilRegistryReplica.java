package co.rtm.agent.identity;

import co.rtm.agent.identity.IdentityException.Reason;
import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;
import co.rtm.profiles.person.DocumentId;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CALE's local replica of the Registraduría's civil registry (art. 3.7.3.1.3 num. 1, 3.7.3.2.1): one SQLite file
 * (WAL, synchronous FULL) with table {@code citizen(document, full_name, template, photo_sha256, enrolled_at)}, the
 * template being SourceAFIS's serialized bytes. Every template is also kept deserialized in memory from
 * {@link #open} on, so a 1:1 verification reads no disk and a 1:N search over 10,000 templates costs only the
 * matching. A write is committed before the method returns and only then shows in memory. Thread-safe.
 */
public final class CivilRegistryReplica implements AutoCloseable {

    /** What an enrolment writes: the template already extracted or imported. */
    public record Enrolment(DocumentId document, String fullName, FingerprintTemplate template, String photoSha256) {}

    private final Path file;
    private final Connection conn;
    private final double threshold;
    private final Captures captures;
    private final Clock clock;
    private final Map<DocumentId, FingerprintTemplate> templates = new ConcurrentHashMap<>();

    private CivilRegistryReplica(Path file, Connection conn, double threshold, Captures captures, Clock clock)
            throws SQLException {
        this.file = file;
        this.conn = conn;
        this.threshold = threshold;
        this.captures = captures;
        this.clock = clock;
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS citizen ("
                    + "document TEXT PRIMARY KEY, "
                    + "full_name TEXT NOT NULL, "
                    + "template BLOB NOT NULL, "
                    + "photo_sha256 TEXT, "
                    + "enrolled_at INTEGER NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT document, template FROM citizen")) {
                while (rs.next()) {
                    templates.put(DocumentId.parse(rs.getString(1)), new FingerprintTemplate(rs.getBytes(2)));
                }
            }
        }
    }

    /** Opens (creating) the replica with SourceAFIS's recommended threshold, {@value FingerprintMatcher#RECOMMENDED_THRESHOLD}. */
    public static CivilRegistryReplica open(Path file) throws IOException {
        return open(file, FingerprintMatcher.RECOMMENDED_THRESHOLD, new Captures(), Clock.systemUTC());
    }

    /**
     * Opens (creating) the replica.
     *
     * @param threshold the score at or above which a capture matches (1:1) or is a hit (1:N); SourceAFIS scores
     *                  are shaped so that 40 is a false match rate of about 0.01 %, every 10 more a tenth of that
     */
    public static CivilRegistryReplica open(Path file, double threshold, Captures captures, Clock clock)
            throws IOException {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be above 0, got " + threshold);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        try {
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try {
                return new CivilRegistryReplica(file, conn, threshold, captures, clock);
            } catch (SQLException | RuntimeException e) {
                conn.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw new IOException("cannot open the civil registry replica " + file + ": " + e.getMessage(), e);
        }
    }

    public double threshold() {
        return threshold;
    }

    public Captures captures() {
        return captures;
    }

    /** Enrolled documents. */
    public int size() {
        return templates.size();
    }

    public boolean isEnrolled(DocumentId document) {
        return templates.containsKey(document);
    }

    /** Parses a document as the replica keys it: {@code CC-79123456}; {@code CC:79123456} is read the same. */
    public static DocumentId document(String text) throws IdentityException {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        if (colon == 2) {
            t = t.substring(0, 2) + "-" + t.substring(3);
        }
        try {
            return DocumentId.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IdentityException(Reason.UNKNOWN_DOCUMENT, e.getMessage());
        }
    }

    /** SHA-256 of the registry photo, lower-case hex, as stored in {@code photo_sha256}. */
    public static String photoSha256(byte[] photo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Enrols from a fingerprint image scanned at {@code dpi}; {@code photo} may be null. */
    public Citizen enrolImage(DocumentId document, String fullName, byte[] image, double dpi, byte[] photo)
            throws IdentityException, IOException {
        checkNew(document, fullName);
        return enrol(document, fullName, captures.fromImage(image, dpi), photo);
    }

    /** Enrols from an ISO/IEC 19794-2 record (one finger view); {@code photo} may be null. */
    public Citizen enrolIso(DocumentId document, String fullName, byte[] iso, byte[] photo)
            throws IdentityException, IOException {
        checkNew(document, fullName);
        return enrol(document, fullName, captures.fromIso(iso), photo);
    }

    private Citizen enrol(DocumentId document, String fullName, FingerprintTemplate template, byte[] photo)
            throws IdentityException, IOException {
        enrolAll(List.of(new Enrolment(document, fullName, template, photo == null ? null : photoSha256(photo))));
        return citizen(document).orElseThrow();
    }

    /**
     * Enrols every row in one transaction (a bulk load from the Registraduría's export): all or none.
     *
     * @throws IdentityException when a document is already enrolled or appears twice, or a name is missing
     */
    public synchronized void enrolAll(List<Enrolment> rows) throws IdentityException, IOException {
        java.util.Set<DocumentId> batch = new java.util.HashSet<>();
        for (Enrolment e : rows) {
            checkNew(e.document(), e.fullName());
            if (!batch.add(e.document())) {
                throw new IdentityException(Reason.DUPLICATE_DOCUMENT, e.document() + " appears twice in the batch");
            }
        }
        long now = clock.millis();
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO citizen(document, full_name, template, "
                    + "photo_sha256, enrolled_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Enrolment e : rows) {
                    ps.setString(1, e.document().text());
                    ps.setString(2, e.fullName().strip());
                    ps.setBytes(3, e.template().toByteArray());
                    ps.setString(4, e.photoSha256());
                    ps.setLong(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the civil registry replica " + file + ": " + e.getMessage(), e);
        }
        for (Enrolment e : rows) {
            templates.put(e.document(), e.template());
        }
    }

    private void checkNew(DocumentId document, String fullName) throws IdentityException {
        if (fullName == null || fullName.isBlank()) {
            throw new IdentityException(Reason.MISSING_FIELD, document + ": the full name is missing");
        }
        if (templates.containsKey(document)) {
            throw new IdentityException(Reason.DUPLICATE_DOCUMENT, document + " is already enrolled in the replica");
        }
    }

    /** The enrolled row of {@code document}, read from the file. */
    public synchronized Optional<Citizen> citizen(DocumentId document) throws IOException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT full_name, template, photo_sha256, enrolled_at "
                + "FROM citizen WHERE document = ?")) {
            ps.setString(1, document.text());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Citizen(document, rs.getString(1), rs.getBytes(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the civil registry replica " + file + ": " + e.getMessage(), e);
        }
    }

    /** 1:1: the live capture (an image at {@code dpi}) against the template of the claimed document. */
    public Verification verifyImage(DocumentId claimed, byte[] image, double dpi) {
        FingerprintTemplate enrolled = templates.get(claimed);
        if (enrolled == null) {
            return new Verification.NotEnrolled();
        }
        FingerprintTemplate probe;
        try {
            probe = captures.fromImage(image, dpi);
        } catch (IdentityException e) {
            return new Verification.LowQuality(e.getMessage());
        }
        return verify(claimed, probe);
    }

    /**
     * SHA-256 (hex) of the enrolled template of {@code document}, as serialized by SourceAFIS: stable for one
     * enrolment, so two stations that matched the same person against the same reference report the same hash.
     */
    public Optional<String> referenceHash(DocumentId document) {
        FingerprintTemplate enrolled = templates.get(document);
        return enrolled == null ? Optional.empty() : Optional.of(photoSha256(enrolled.toByteArray()));
    }

    /** 1:1: an extracted probe against the template of the claimed document. */
    public Verification verify(DocumentId claimed, FingerprintTemplate probe) {
        FingerprintTemplate enrolled = templates.get(claimed);
        if (enrolled == null) {
            return new Verification.NotEnrolled();
        }
        double score = new com.machinezoo.sourceafis.FingerprintMatcher(probe).match(enrolled);
        return score >= threshold ? new Verification.Match(score) : new Verification.NoMatch(score);
    }

    /**
     * 1:N: every enrolled document whose template scores at least the threshold against {@code probe}, best first.
     * The probe is prepared once ({@link com.machinezoo.sourceafis.FingerprintMatcher}) and matched against each
     * template held in memory. More than one hit for one finger is an impersonation to report (DESIGN §6).
     */
    public List<Candidate> search(FingerprintTemplate probe) {
        return search(probe, threshold);
    }

    /** 1:N with another threshold than the replica's (a station's profile sets its own). */
    public List<Candidate> search(FingerprintTemplate probe, double threshold) {
        com.machinezoo.sourceafis.FingerprintMatcher matcher = new com.machinezoo.sourceafis.FingerprintMatcher(probe);
        List<Candidate> hits = new ArrayList<>();
        for (Map.Entry<DocumentId, FingerprintTemplate> e : templates.entrySet()) {
            double score = matcher.match(e.getValue());
            if (score >= threshold) {
                hits.add(new Candidate(e.getKey(), score));
            }
        }
        hits.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return hits;
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
