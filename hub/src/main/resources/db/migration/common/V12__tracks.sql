-- GPS tracks of mobile lines (DESIGN §3 `track`, §7; art. 3.3.1.6 h-i; docs/tracks.md).

-- One row per accepted track batch (one signed `track` message): what the per-fix filters did with it, so a
-- resent batch (same message_id) is answered DUPLICATE with nothing changed, and totals are one SUM away.
-- seq shares the station's numbering with results: (station_id, seq) is unique here as it is in results.
CREATE TABLE track_batches (
    id              ${autoId},
    message_id      TEXT NOT NULL UNIQUE,
    center_id       TEXT NOT NULL REFERENCES centers (id),
    station_id      TEXT NOT NULL REFERENCES stations (id),
    key_version     INTEGER NOT NULL,
    seq             BIGINT NOT NULL,
    first_fix_at    TEXT NOT NULL,
    last_fix_at     TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    fixes_received  INTEGER NOT NULL CHECK (fixes_received >= 1),
    fixes_accepted  INTEGER NOT NULL CHECK (fixes_accepted >= 0),
    duplicate_fixes INTEGER NOT NULL CHECK (duplicate_fixes >= 0),
    future_fixes    INTEGER NOT NULL CHECK (future_fixes >= 0),
    stale_fixes     INTEGER NOT NULL CHECK (stale_fixes >= 0),
    jump_fixes      INTEGER NOT NULL CHECK (jump_fixes >= 0),
    envelope        ${bytes} NOT NULL,
    UNIQUE (station_id, seq),
    CHECK (fixes_accepted + duplicate_fixes + future_fixes + stale_fixes + jump_fixes = fixes_received)
);

CREATE INDEX track_batches_station_received ON track_batches (station_id, received_at);

-- Accepted fixes: one per station and device time (the GPS's UTC time of fix). Times are Timestamps text
-- (fixed-width UTC), so they sort and compare the same way on SQLite and PostgreSQL.
CREATE TABLE track_fixes (
    station_id       TEXT NOT NULL REFERENCES stations (id),
    device_time      TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    latitude         DOUBLE PRECISION NOT NULL CHECK (latitude >= -90 AND latitude <= 90),
    longitude        DOUBLE PRECISION NOT NULL CHECK (longitude >= -180 AND longitude <= 180),
    altitude_m       DOUBLE PRECISION,
    speed_kmh        DOUBLE PRECISION,
    hdop             DOUBLE PRECISION NOT NULL,
    batch_message_id TEXT NOT NULL REFERENCES track_batches (message_id),
    PRIMARY KEY (station_id, device_time)
);

-- Sealed trackers (CoAP over DTLS): one pre-shared key per station. A DTLS server needs the key itself to run
-- the PSK handshake, so it is stored as given (base64), not hashed: see docs/tracks.md.
CREATE TABLE tracker_psks (
    station_id TEXT PRIMARY KEY REFERENCES stations (id),
    psk        TEXT NOT NULL,
    created_at TEXT NOT NULL
);
