-- Append-only audit log, hash-chained: hash = SHA-256(prev_hash || canonical entry bytes)
-- (co.rtm.hub.ledger.AuditChain). Ids are assigned 1, 2, 3... by the writer, never by the database.
CREATE TABLE audit_log (
    id        BIGINT PRIMARY KEY,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

CREATE INDEX audit_log_subject ON audit_log (kind, subject);

-- The chain's head, one row. Appenders lock it, which orders appends from several hubs, and it
-- lets the verifier notice entries cut off the end of the log.
CREATE TABLE audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_id   BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);

INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
