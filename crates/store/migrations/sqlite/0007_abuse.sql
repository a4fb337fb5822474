-- The abuse engine (issue 5): analyst rules with every version kept, decisions with their
-- reasons and review, detector findings, the marketplace's accounts as enforcement sees them
-- (status, actions, the identifiers a ban records) and webhook subscriptions.

-- One row per version; the highest version of a rule is the one in force. `mode` is live
-- (enforced), shadow (decisions recorded, never enforced) or off.
CREATE TABLE abuse_rules (
    rule_id             TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    name                TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    -- JSON array of event types; empty: every type.
    applies_to          TEXT    NOT NULL,
    expression          TEXT    NOT NULL,
    outcome             TEXT    NOT NULL,
    score               REAL    NOT NULL,
    mode                TEXT    NOT NULL,
    created_by          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (rule_id, version)
);

-- A decision asked for by the marketplace: what was decided and why. `review` decisions wait
-- in the review queue until a reviewer approves or denies them.
CREATE TABLE abuse_decisions (
    id                  INTEGER PRIMARY KEY,
    decision_id         TEXT    NOT NULL UNIQUE,
    event_id            TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    account_id          TEXT,
    outcome             TEXT    NOT NULL,
    score               REAL    NOT NULL,
    -- JSON: reasons, live and shadow rule hits, findings on the account.
    reasons             TEXT    NOT NULL,
    event               TEXT    NOT NULL,
    requested_by        TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    -- pending, approved or denied; NULL when no review is needed.
    review_status       TEXT,
    reviewed_by         TEXT,
    reviewed_at         INTEGER,
    review_note         TEXT
);
CREATE INDEX abuse_decisions_event ON abuse_decisions (event_id);
CREATE INDEX abuse_decisions_account ON abuse_decisions (account_id, created_at) WHERE account_id IS NOT NULL;
CREATE INDEX abuse_decisions_review ON abuse_decisions (review_status, created_at) WHERE review_status IS NOT NULL;

-- What a detector found. `finding_key` names the detector and its subject, so that a later
-- run updates the same finding. open, confirmed or dismissed by a reviewer.
CREATE TABLE abuse_findings (
    id                  INTEGER PRIMARY KEY,
    finding_key         TEXT    NOT NULL UNIQUE,
    detector            TEXT    NOT NULL,
    subject_kind        TEXT    NOT NULL,
    subject_id          TEXT    NOT NULL,
    score               REAL    NOT NULL,
    summary             TEXT    NOT NULL,
    -- JSON: the evidence, and the accounts and agents named.
    evidence            TEXT    NOT NULL,
    accounts            TEXT    NOT NULL,
    agents              TEXT    NOT NULL,
    money_minor         INTEGER NOT NULL,
    currency            TEXT    NOT NULL,
    first_at            INTEGER NOT NULL,
    last_at             INTEGER NOT NULL,
    status              TEXT    NOT NULL,
    found_at            INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    reviewed_by         TEXT,
    reviewed_at         INTEGER,
    review_note         TEXT
);
CREATE INDEX abuse_findings_status ON abuse_findings (status, score);
CREATE INDEX abuse_findings_detector ON abuse_findings (detector, status);

CREATE TABLE abuse_finding_accounts (
    finding_id          INTEGER NOT NULL REFERENCES abuse_findings (id),
    account_id          TEXT    NOT NULL,
    PRIMARY KEY (finding_id, account_id)
);
CREATE INDEX abuse_finding_accounts_account ON abuse_finding_accounts (account_id);

-- The marketplace's accounts that enforcement has touched. The id is what cases link to.
CREATE TABLE abuse_accounts (
    id                  INTEGER PRIMARY KEY,
    account_id          TEXT    NOT NULL UNIQUE,
    -- active, warned, suspended, closed or banned.
    status              TEXT    NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE TABLE abuse_account_actions (
    id                  INTEGER PRIMARY KEY,
    account_id          TEXT    NOT NULL,
    -- warn, suspend, close, ban, reinstate.
    action              TEXT    NOT NULL,
    reason              TEXT    NOT NULL,
    actor               TEXT    NOT NULL,
    finding_id          INTEGER,
    decision_id         TEXT,
    at                  INTEGER NOT NULL
);
CREATE INDEX abuse_account_actions_account ON abuse_account_actions (account_id, at);

-- Every identifier of a banned account, for sign-up screening. `lifted_at` is set when the
-- ban is lifted; the row stays as the record.
CREATE TABLE abuse_banned_identifiers (
    id                  INTEGER PRIMARY KEY,
    account_id          TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    value               TEXT    NOT NULL,
    action_id           INTEGER NOT NULL REFERENCES abuse_account_actions (id),
    banned_at           INTEGER NOT NULL,
    lifted_at           INTEGER
);
CREATE INDEX abuse_banned_identifiers_value ON abuse_banned_identifiers (kind, value);
CREATE INDEX abuse_banned_identifiers_account ON abuse_banned_identifiers (account_id);

-- Where decisions and findings are announced. The secret signs each delivery (HMAC-SHA256).
CREATE TABLE abuse_webhooks (
    id                  INTEGER PRIMARY KEY,
    url                 TEXT    NOT NULL,
    secret              TEXT    NOT NULL,
    -- JSON array: decision, finding.
    topics              TEXT    NOT NULL,
    created_by          TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    disabled_at         INTEGER
);
