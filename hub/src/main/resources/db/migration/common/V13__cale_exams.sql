-- CALE exams at the hub (docs/cale-hub.md): the history the eligibility rules need, the CRC/CEA certificates on
-- record per candidate and category, and the booked turns an exam message refers to.

-- One row per accepted exam result (approved or not), next to its row in results.
CREATE TABLE exams (
    result_id      BIGINT PRIMARY KEY REFERENCES results (id),
    center_id      TEXT NOT NULL REFERENCES centers (id),
    station_id     TEXT NOT NULL REFERENCES stations (id),
    part           TEXT NOT NULL CHECK (part IN ('THEORY', 'PRACTICAL')),
    -- DocumentId text, e.g. CC-79123456
    candidate      TEXT NOT NULL,
    category       TEXT NOT NULL,
    procedure_kind TEXT NOT NULL,
    turn_id        TEXT NOT NULL,
    verdict        TEXT NOT NULL CHECK (verdict IN ('APPROVED', 'NOT_APPROVED')),
    free_retake    BOOLEAN NOT NULL,
    started_at     TEXT NOT NULL,
    closed_at      TEXT NOT NULL,
    draw_seed      TEXT,
    seat           INTEGER,
    CHECK ((draw_seed IS NULL) = (seat IS NULL))
);

CREATE INDEX exams_candidate ON exams (candidate, category, part);
CREATE INDEX exams_center_started ON exams (center_id, part, started_at);
-- a room session's seat is drawn once (art. 3.7.3.1.3): the checks refuse a reuse first, this is the backstop
CREATE UNIQUE INDEX exams_draw_seat ON exams (draw_seed, seat);
CREATE UNIQUE INDEX exams_turn ON exams (center_id, turn_id);

-- A booked turn: who sits which exam at which CALE, when. free_retake: booked as the one free retake.
CREATE TABLE exam_bookings (
    center_id      TEXT NOT NULL REFERENCES centers (id),
    turn_id        TEXT NOT NULL,
    candidate      TEXT NOT NULL,
    category       TEXT NOT NULL,
    part           TEXT NOT NULL CHECK (part IN ('THEORY', 'PRACTICAL')),
    procedure_kind TEXT NOT NULL,
    free_retake    BOOLEAN NOT NULL,
    starts_at      TEXT NOT NULL,
    booked_at      TEXT NOT NULL,
    booked_by      TEXT NOT NULL,
    PRIMARY KEY (center_id, turn_id)
);

CREATE INDEX exam_bookings_starts ON exam_bookings (starts_at);

-- CRC (medical, art. 3.4.4.11) and CEA (driving school, art. 3.2.4.8) certificates, as the CALE would find them in RUNT.
CREATE TABLE candidate_certificates (
    id          ${autoId},
    kind        TEXT NOT NULL CHECK (kind IN ('CRC', 'CEA')),
    number      TEXT NOT NULL,
    holder      TEXT NOT NULL,
    category    TEXT NOT NULL,
    issued_on   TEXT NOT NULL,
    expires_on  TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (kind, number)
);

CREATE INDEX candidate_certificates_holder ON candidate_certificates (holder, category);
