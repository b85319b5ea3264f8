-- Registry: centres, their stations, and the stations' signing keys.
-- Instants are fixed-width UTC text (co.rtm.hub.store.Timestamps) so both databases compare them alike.

CREATE TABLE centers (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('CDA', 'MOBILE', 'CALE')),
    name            TEXT NOT NULL,
    fur_series_code TEXT UNIQUE,
    created_at      TEXT NOT NULL
);

CREATE TABLE stations (
    id                 TEXT PRIMARY KEY,
    center_id          TEXT NOT NULL REFERENCES centers (id),
    profile_id         TEXT NOT NULL,
    active             BOOLEAN NOT NULL,
    mqtt_username      TEXT NOT NULL UNIQUE,
    mqtt_password_hash TEXT NOT NULL,
    -- highest seq accepted from this station; NULL until the first one (replay protection)
    last_seq           BIGINT,
    created_at         TEXT NOT NULL
);

CREATE INDEX stations_center ON stations (center_id);

CREATE TABLE station_keys (
    station_id  TEXT NOT NULL REFERENCES stations (id),
    key_version INTEGER NOT NULL CHECK (key_version >= 1),
    -- raw 32-byte Ed25519 public key, base64url without padding
    public_key  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('CURRENT', 'PREVIOUS', 'REVOKED')),
    -- for PREVIOUS keys: the last instant they are still accepted
    not_after   TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (station_id, key_version)
);

CREATE UNIQUE INDEX station_keys_one_current ON station_keys (station_id) WHERE status = 'CURRENT';
