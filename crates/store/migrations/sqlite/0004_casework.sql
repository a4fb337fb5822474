-- Staff accounts and sessions, the audit chain, cases with their links, tasks and notes,
-- enforcement actions with the notices they sent, the block list, abuse contacts, analyst
-- changes to correlation, and full-text search over reports.

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT    NOT NULL UNIQUE,
    display_name        TEXT    NOT NULL,
    email               TEXT,
    role                TEXT    NOT NULL,
    -- argon2id, PHC string format.
    password_hash       TEXT    NOT NULL,
    -- Base32 TOTP secret once confirmed; the pending one while enrolling.
    totp_secret         TEXT,
    totp_pending        TEXT,
    -- The last time step a code was accepted for: a code works once.
    totp_last_step      INTEGER,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    disabled_at         INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a copy of the table does not log anyone in.
    token_sha256        TEXT    PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id),
    -- `password` until the second factor is given, then `full`.
    stage               TEXT    NOT NULL,
    csrf_token          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    client              TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN created_by TEXT;

-- The audit chain. `case_id` only indexes the timeline of a case; what the chain proves is in
-- the hashed columns (the object names the case too).
CREATE TABLE audit_log (
    seq                 INTEGER PRIMARY KEY,
    at                  INTEGER NOT NULL,
    actor               TEXT    NOT NULL,
    action              TEXT    NOT NULL,
    object              TEXT    NOT NULL,
    detail              TEXT    NOT NULL,
    prev_hash           TEXT    NOT NULL,
    hash                TEXT    NOT NULL,
    case_id             INTEGER
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_object ON audit_log (object, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_checkpoints (
    seq                 INTEGER PRIMARY KEY,
    hash                TEXT    NOT NULL,
    at                  INTEGER NOT NULL,
    signature           TEXT    NOT NULL
);

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    title               TEXT    NOT NULL,
    summary             TEXT    NOT NULL DEFAULT '',
    status              TEXT    NOT NULL DEFAULT 'open',
    priority            TEXT    NOT NULL DEFAULT 'normal',
    -- Restricted cases (a police operation, an insider) are seen only by legal and admins.
    restricted          INTEGER NOT NULL DEFAULT 0,
    assignee_id         INTEGER REFERENCES users (id),
    opened_by           TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    closed_at           INTEGER
);
CREATE INDEX cases_status ON cases (status, updated_at DESC);

-- What a case is about: campaigns, reports, indicators now; accounts, refunds and staff later.
CREATE TABLE case_links (
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    kind                TEXT    NOT NULL,
    ref_id              INTEGER NOT NULL,
    added_by            TEXT    NOT NULL,
    added_at            INTEGER NOT NULL,
    PRIMARY KEY (case_id, kind, ref_id)
);
CREATE INDEX case_links_ref ON case_links (kind, ref_id);

CREATE TABLE case_tasks (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    title               TEXT    NOT NULL,
    assignee_id         INTEGER REFERENCES users (id),
    due_at              INTEGER,
    done_at             INTEGER,
    created_by          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX case_tasks_case ON case_tasks (case_id, id);

CREATE TABLE case_notes (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    author              TEXT    NOT NULL,
    body                TEXT    NOT NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);

-- Enforcement actions: takedown, carrier_report, blocklist, customer_warning, law_enforcement.
CREATE TABLE actions (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    kind                TEXT    NOT NULL,
    target              TEXT    NOT NULL,
    indicator_id        INTEGER REFERENCES indicators (id),
    status              TEXT    NOT NULL,
    recipient_email     TEXT,
    recipient_name      TEXT,
    note                TEXT    NOT NULL DEFAULT '',
    outcome             TEXT,
    created_by          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    completed_at        INTEGER
);
CREATE INDEX actions_case ON actions (case_id, id);
CREATE INDEX actions_status ON actions (status, updated_at);

-- Every message sent for an action or to a reporter, as sent: notices are evidence too.
CREATE TABLE notices (
    id                  INTEGER PRIMARY KEY,
    action_id           INTEGER REFERENCES actions (id),
    report_id           INTEGER REFERENCES reports (id),
    kind                TEXT    NOT NULL,
    recipient           TEXT    NOT NULL,
    subject             TEXT    NOT NULL,
    body                TEXT    NOT NULL,
    language            TEXT,
    status              TEXT    NOT NULL DEFAULT 'queued',
    message_id          TEXT,
    last_error          TEXT,
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER
);
CREATE INDEX notices_action ON notices (action_id, id);

CREATE TABLE blocklist (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL,
    value               TEXT    NOT NULL,
    indicator_id        INTEGER REFERENCES indicators (id),
    action_id           INTEGER REFERENCES actions (id),
    reason              TEXT    NOT NULL,
    added_by            TEXT    NOT NULL,
    added_at            INTEGER NOT NULL,
    removed_at          INTEGER,
    removed_by          TEXT
);
CREATE UNIQUE INDEX blocklist_live ON blocklist (kind, value) WHERE removed_at IS NULL;

-- Where notices go: a registrar or host by domain suffix, a carrier by E.164 prefix, a police
-- unit by country. The longest matching pattern wins.
CREATE TABLE abuse_contacts (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL,
    pattern             TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    email               TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    UNIQUE (kind, pattern)
);

-- Triage: a report waits in the queue until an analyst accepts it (it becomes `under_review`)
-- or dismisses it (not a scam, spam, a duplicate); either way the reporter sees it was reviewed.
ALTER TABLE reports ADD COLUMN triage TEXT;
ALTER TABLE reports ADD COLUMN triaged_at INTEGER;
ALTER TABLE reports ADD COLUMN triaged_by TEXT;
CREATE INDEX reports_untriaged ON reports (received_at DESC, id DESC) WHERE triage IS NULL;

-- Analysts' changes to correlation. `excluded` indicators no longer tie reports together
-- (marked benign, or split off a campaign); manual links join two campaigns' reports.
ALTER TABLE indicators ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicators ADD COLUMN benign_at INTEGER;

CREATE TABLE manual_links (
    id                  INTEGER PRIMARY KEY,
    report_a            INTEGER NOT NULL REFERENCES reports (id),
    report_b            INTEGER NOT NULL REFERENCES reports (id),
    reason              TEXT    NOT NULL,
    created_by          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    removed_at          INTEGER
);

-- Work for the correlator from people: `exclude`/`include` an indicator, or `rebuild`.
CREATE TABLE correlation_commands (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL,
    indicator_id        INTEGER,
    -- The campaign to rank once the command is done (the survivor of a merge).
    campaign_id         INTEGER,
    created_at          INTEGER NOT NULL,
    done_at             INTEGER
);
CREATE INDEX correlation_commands_pending ON correlation_commands (id) WHERE done_at IS NULL;

-- Substring search over what reports say (trigrams: any script, any part of a word or a link).
-- Indexing a report costs a few hundred microseconds of the single writer, too much for the
-- intake request: a report enters the index with its processing (`save_processing_batch`), so
-- a report is in it exactly when `processed_at` is set.
CREATE VIRTUAL TABLE reports_fts USING fts5 (
    subject, body, sender, description,
    content = 'reports', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO reports_fts (rowid, subject, body, sender, description)
    SELECT id, subject, body, sender, description FROM reports WHERE processed_at IS NOT NULL;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports WHEN old.processed_at IS NOT NULL BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, subject, body, sender, description)
    VALUES ('delete', old.id, old.subject, old.body, old.sender, old.description);
END;
