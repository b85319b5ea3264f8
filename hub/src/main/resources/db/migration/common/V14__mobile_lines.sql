-- Mobile lines (DESIGN §7; art. 3.3.1.6 m, 3.3.3.8-3.3.3.10): the stays of a line's schedule ("cronograma de trabajo"),
-- and the metrological verifications its stations reported. The GPS fixes live in the tracks table (V12), not here.

-- One stay: the line works in one municipality (DANE code) from one Bogotá date to another, both inclusive.
-- leave_by: set when a fixed CDA opened within 50 km (art. 3.3.3.10): the last date the line may still inspect there.
CREATE TABLE mobile_stays (
    id                ${autoId},
    center_id         TEXT NOT NULL REFERENCES centers (id),
    municipality_code TEXT NOT NULL,
    from_date         TEXT NOT NULL,
    to_date           TEXT NOT NULL CHECK (to_date >= from_date),
    leave_by          TEXT,
    leave_cause       TEXT,
    created_at        TEXT NOT NULL
);

CREATE INDEX mobile_stays_center ON mobile_stays (center_id, from_date);

-- Metrological verifications (station event VERIFICATION), one row per event messageId: the line must record one
-- after each move from one municipality to another (art. 3.3.3.8) before its next inspection is accepted.
CREATE TABLE station_verifications (
    message_id  TEXT PRIMARY KEY,
    center_id   TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    verified_at TEXT NOT NULL
);

CREATE INDEX station_verifications_station ON station_verifications (station_id, verified_at);
