-- Public reporting channels (issue 3): where a report came from, what the form adds to the
-- message, what an e-mail's headers said, the files sent with it, and status changes.

ALTER TABLE reports ADD COLUMN source TEXT NOT NULL DEFAULT 'api';
-- Recognises the same delivery twice (a mail server retrying a pipe, the IMAP poller after a
-- crash) for ever, unlike idempotency keys, which expire.
ALTER TABLE reports ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX reports_source_key ON reports (source_key);
ALTER TABLE reports ADD COLUMN phone_number TEXT;
ALTER TABLE reports ADD COLUMN links TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN scam_kind TEXT;
ALTER TABLE reports ADD COLUMN description TEXT;
-- What the message's own headers said (forwarder, Reply-To, Received chain, notes), as JSON.
ALTER TABLE reports ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
-- An e-mail's header lines a reader sees besides the body (display names, Reply-To, Return-Path):
-- read for indicators like the body.
ALTER TABLE reports ADD COLUMN header_text TEXT;
ALTER TABLE reports ADD COLUMN auth_spf TEXT;
ALTER TABLE reports ADD COLUMN auth_dkim TEXT;
ALTER TABLE reports ADD COLUMN auth_dmarc TEXT;
ALTER TABLE reports ADD COLUMN status_changed_at INTEGER;

-- Files sent with a report (a screenshot, an uploaded .eml), kept unchanged as evidence and
-- never rendered: staff download them.
CREATE TABLE report_files (
    id              INTEGER PRIMARY KEY,
    report_id       INTEGER NOT NULL REFERENCES reports (id),
    kind            TEXT    NOT NULL,
    filename        TEXT,
    content_type    TEXT    NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    bytes           BLOB    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX report_files_report ON report_files (report_id);

-- Keys this service makes for itself (the portal's challenge key), shared by every node.
CREATE TABLE secrets (
    name            TEXT    PRIMARY KEY,
    value           TEXT    NOT NULL
);
