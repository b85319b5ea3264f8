-- Supervisors who log in to the hub's REST API, their sessions, failed logins (for rate limiting)
-- and the alerts they watch and acknowledge (DESIGN §1, §8).

CREATE TABLE supervisors (
    name                TEXT PRIMARY KEY,
    role                TEXT NOT NULL CHECK (role IN ('SUPERVISOR', 'AUDITOR', 'ADMIN')),
    -- Argon2id in PHC string form: $argon2id$v=19$m=..,t=..,p=..$salt$hash (parameters travel with the hash)
    password_hash       TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

-- A session token is random; only its SHA-256 is stored, so a database dump does not let anyone in.
CREATE TABLE supervisor_sessions (
    token_sha256 TEXT PRIMARY KEY,
    user_name    TEXT NOT NULL REFERENCES supervisors (name),
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    ended_at     TEXT
);

CREATE INDEX supervisor_sessions_user ON supervisor_sessions (user_name);

-- Failed logins, by the user name tried (known or not) and by source address.
CREATE TABLE login_failures (
    id        ${autoId},
    user_name TEXT NOT NULL,
    source    TEXT NOT NULL,
    at        TEXT NOT NULL
);

CREATE INDEX login_failures_user ON login_failures (user_name, at);
CREATE INDEX login_failures_source ON login_failures (source, at);

-- Something a supervisor should look at. One per refusal (refusal_id), raised in the refusal's transaction.
CREATE TABLE alerts (
    id          ${autoId},
    kind        TEXT NOT NULL,
    center_id   TEXT,
    station_id  TEXT,
    detail      TEXT,
    refusal_id  BIGINT,
    created_at  TEXT NOT NULL,
    acked_by    TEXT,
    acked_at    TEXT,
    ack_comment TEXT,
    CHECK ((acked_by IS NULL) = (acked_at IS NULL))
);

CREATE INDEX alerts_open ON alerts (acked_at, id);
CREATE UNIQUE INDEX alerts_refusal ON alerts (refusal_id) WHERE refusal_id IS NOT NULL;
