-- People a centre registered, the lanes' biometric logins, and retests linked to their original FUR
-- (DESIGN §4, art. 3.3.5.3, 3.3.5.1.6). docs/rules-people-retests.md describes the rules on them.

-- Inspectors and technical directors, by identity document (CC cédula de ciudadanía, CE cédula de
-- extranjería). A person is registered per centre; deactivated people stay, so old logins still name them.
CREATE TABLE people (
    center_id       TEXT NOT NULL REFERENCES centers (id),
    document_type   TEXT NOT NULL CHECK (document_type IN ('CC', 'CE')),
    document_number TEXT NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('INSPECTOR', 'TECHNICAL_DIRECTOR')),
    active          BOOLEAN NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (center_id, document_type, document_number)
);

-- Biometric login and logout events of a lane (station event LOGIN / LOGOUT), one row per event messageId.
-- at: the event's createdAt on the station's clock; the document is whatever the lane matched, registered or not.
CREATE TABLE lane_logins (
    id              ${autoId},
    message_id      TEXT NOT NULL UNIQUE,
    center_id       TEXT NOT NULL,
    station_id      TEXT NOT NULL,
    document_type   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    event           TEXT NOT NULL CHECK (event IN ('LOGIN', 'LOGOUT')),
    at              TEXT NOT NULL,
    received_at     TEXT NOT NULL
);

CREATE INDEX lane_logins_station_at ON lane_logins (station_id, at);

-- A retest (art. 3.3.5.3) is free and names the FUR number, at the same centre, of the rejected original.
ALTER TABLE results ADD COLUMN retest BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE results ADD COLUMN retest_of_fur BIGINT;
-- One retest per original, also when two hubs decide at once.
CREATE UNIQUE INDEX results_one_retest ON results (center_id, retest_of_fur) WHERE retest_of_fur IS NOT NULL;
