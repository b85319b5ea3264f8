-- Ledger: accepted results with their numbers, refusals, and the counters the numbers come from.

-- One row per number series ('FUR:<centerId>', 'CERT:RTM', 'CERT:CALE'). Updated in the same
-- transaction as the result row that takes the number, never a database sequence: sequences
-- leave gaps when a transaction rolls back.
CREATE TABLE counters (
    series     TEXT PRIMARY KEY,
    next_value BIGINT NOT NULL CHECK (next_value >= 1)
);

CREATE TABLE results (
    id                 ${autoId},
    message_id         TEXT NOT NULL UNIQUE,
    center_id          TEXT NOT NULL REFERENCES centers (id),
    station_id         TEXT NOT NULL REFERENCES stations (id),
    key_version        INTEGER NOT NULL,
    seq                BIGINT NOT NULL,
    result_type        TEXT NOT NULL CHECK (result_type IN ('INSPECTION', 'EXAM')),
    -- plate for inspections, candidate's document number for exams
    subject            TEXT NOT NULL,
    verdict            TEXT NOT NULL CHECK (verdict IN ('APPROVED', 'REJECTED', 'INCOMPLETE')),
    fur_number         BIGINT,
    certificate_kind   TEXT CHECK (certificate_kind IN ('RTM', 'CALE')),
    certificate_number BIGINT,
    tested_at          TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    envelope           ${bytes} NOT NULL,
    payload            TEXT NOT NULL,
    UNIQUE (station_id, seq),
    CHECK ((certificate_kind IS NULL) = (certificate_number IS NULL))
);

-- Defence in depth behind the counters: a number can never be stored twice.
CREATE UNIQUE INDEX results_fur_number ON results (center_id, fur_number) WHERE fur_number IS NOT NULL;
CREATE UNIQUE INDEX results_certificate_number ON results (certificate_kind, certificate_number)
    WHERE certificate_number IS NOT NULL;
CREATE INDEX results_subject ON results (subject);
CREATE INDEX results_center_received ON results (center_id, received_at);

-- Everything the hub refused, with why. Ids may name unknown centres or stations: no foreign keys.
CREATE TABLE refusals (
    id          ${autoId},
    message_id  TEXT,
    center_id   TEXT,
    station_id  TEXT,
    topic       TEXT,
    reason_code TEXT NOT NULL,
    detail      TEXT,
    raw         ${bytes},
    received_at TEXT NOT NULL
);

CREATE INDEX refusals_message ON refusals (message_id);
CREATE INDEX refusals_received ON refusals (received_at);
