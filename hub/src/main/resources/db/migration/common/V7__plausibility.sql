-- Plausibility checks (docs/rules-plausibility.md): the fingerprint of each accepted inspection's raw instrument
-- series, one row per test, so that a series reused for another plate is found (SERIES_REUSED).
CREATE TABLE result_series (
    result_id BIGINT NOT NULL REFERENCES results (id),
    test      TEXT NOT NULL,
    -- SHA-256 (hex) of the test's sample lines without the instrument's identity line
    sha256    TEXT NOT NULL,
    PRIMARY KEY (result_id, test)
);
CREATE INDEX result_series_sha256 ON result_series (sha256);

-- The plate-overlap check (PLATE_OVERLAP) reads a plate's inspections by their time.
CREATE INDEX results_subject_started ON results (subject, started_at);
