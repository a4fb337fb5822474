-- Reports, indicators, their links, campaigns, the job queue, API tokens and leases.
-- Timestamps are UTC Unix milliseconds (BIGINT) on both engines; money is in minor units.

CREATE TABLE reports (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT    NOT NULL UNIQUE,
    channel            TEXT    NOT NULL,
    subject            TEXT,
    body               TEXT    NOT NULL,
    sender             TEXT,
    reporter_email     TEXT,
    reporter_key       TEXT    NOT NULL,
    locale             TEXT,
    country            TEXT,
    language           TEXT,
    occurred_at        INTEGER,
    received_at        INTEGER NOT NULL,
    money_minor        INTEGER,
    money_currency     TEXT,
    payment_method     TEXT,
    raw                BLOB    NOT NULL,
    raw_type           TEXT    NOT NULL,
    raw_sha256         TEXT    NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'received',
    processed_at       INTEGER,
    correlated_at      INTEGER,
    campaign_id        INTEGER
);
CREATE INDEX reports_received ON reports (received_at DESC, id DESC);
CREATE INDEX reports_campaign ON reports (campaign_id, received_at);
CREATE INDEX reports_uncorrelated ON reports (id) WHERE correlated_at IS NULL AND processed_at IS NOT NULL;
CREATE INDEX reports_channel ON reports (channel, received_at);
CREATE INDEX reports_country ON reports (country, received_at);
CREATE INDEX reports_language ON reports (language, received_at);

CREATE TABLE idempotency_keys (
    key             TEXT    PRIMARY KEY,
    request_sha256  TEXT    NOT NULL,
    status          INTEGER NOT NULL,
    response        TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);

CREATE TABLE indicators (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    -- Uniqueness on the hash: a value (a long URL) can exceed what a B-tree entry may hold.
    value_sha256    TEXT    NOT NULL,
    unicode         TEXT,
    verdict         TEXT    NOT NULL DEFAULT 'unknown',
    brand           TEXT,
    score           REAL    NOT NULL DEFAULT 0,
    reason          TEXT    NOT NULL DEFAULT '',
    warning         TEXT,
    is_hub          INTEGER NOT NULL DEFAULT 0,
    report_count    INTEGER NOT NULL DEFAULT 0,
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    UNIQUE (kind, value_sha256)
);

CREATE TABLE report_indicators (
    report_id       INTEGER NOT NULL REFERENCES reports (id),
    indicator_id    INTEGER NOT NULL REFERENCES indicators (id),
    source          TEXT    NOT NULL,
    raw             TEXT    NOT NULL,
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL,
    -- 1 unless the indicator is official or warned: the correlator reads only these, without
    -- a join to indicators.
    correlates      INTEGER NOT NULL,
    PRIMARY KEY (report_id, indicator_id)
);
CREATE INDEX report_indicators_indicator ON report_indicators (indicator_id, report_id);

CREATE TABLE campaigns (
    id                  INTEGER PRIMARY KEY,
    merged_into         INTEGER,
    report_count        INTEGER NOT NULL DEFAULT 0,
    reporter_count      INTEGER NOT NULL DEFAULT 0,
    first_seen          INTEGER,
    last_seen           INTEGER,
    score               REAL    NOT NULL DEFAULT 0,
    score_reasons       TEXT    NOT NULL DEFAULT '[]',
    stats               TEXT    NOT NULL DEFAULT '{}',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX campaigns_rank ON campaigns (score DESC, id) WHERE merged_into IS NULL AND report_count > 0;

CREATE TABLE jobs (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    run_at          INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    max_attempts    INTEGER NOT NULL DEFAULT 10,
    locked_by       TEXT,
    locked_until    INTEGER,
    last_error      TEXT,
    dead            INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE dead = 0;

CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    token_sha256    TEXT    NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER
);

CREATE TABLE leases (
    name            TEXT    PRIMARY KEY,
    holder          TEXT    NOT NULL,
    expires_at      INTEGER NOT NULL
);
