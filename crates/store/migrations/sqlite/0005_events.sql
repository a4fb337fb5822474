-- The marketplace's events as received (issue 5): the log that the abuse engine's tables are
-- built from and that rule backtests replay. `event_id` is the marketplace's own id: the same id
-- again is the same event and is stored once. `body` is the event as read (checked JSON).
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    event_id    TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    account_id  TEXT,
    body        TEXT    NOT NULL,
    -- http or nats.
    source      TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX events_account ON events (account_id, at) WHERE account_id IS NOT NULL;
CREATE INDEX events_at ON events (at);
